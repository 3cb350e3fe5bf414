import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { EntitlementsConfig } from './entitlements.config.js';
import { TenantFeature } from './schemas/tenant-feature.schema.js';
import { UsageCounter } from './schemas/usage-counter.schema.js';

const DAY_MS = 86_400_000;

/**
 * Tidying only: reads already ignore expired overrides and past periods, so nothing depends on this
 * running on time (the stand-in database has no TTL indexes, and real MongoDB's would not keep history).
 */
@Injectable()
export class EntitlementsRetention {
  constructor(
    @InjectModel(TenantFeature.name) private readonly overrides: Model<TenantFeature>,
    @InjectModel(UsageCounter.name) private readonly counters: Model<UsageCounter>,
    private readonly config: EntitlementsConfig,
  ) {}

  /** Overrides expired longer ago than the retention, and counters of periods that ended longer ago. */
  async purge(now = new Date()): Promise<{ overrides: number; counters: number }> {
    const overrideCutoff = new Date(now.getTime() - this.config.ENTITLEMENTS_EXPIRED_OVERRIDE_RETENTION_DAYS * DAY_MS);
    const counterCutoff = new Date(now.getTime() - this.config.ENTITLEMENTS_USAGE_RETENTION_DAYS * DAY_MS);
    const [overrides, counters] = await Promise.all([
      this.overrides.deleteMany({ expiresAt: trusted({ $lte: overrideCutoff }) }),
      this.counters.deleteMany({ resetsAt: trusted({ $lte: counterCutoff }) }),
    ]);
    return { overrides: overrides.deletedCount, counters: counters.deletedCount };
  }
}
