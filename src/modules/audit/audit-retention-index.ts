import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditConfig } from './audit.config.js';
import { DAY_MS } from './audit-retention.service.js';
import { AuditLog } from './schemas/audit-log.schema.js';

export const RETENTION_INDEX_NAME = 'createdAt_retention_ttl';

/**
 * The TTL index on `auditlogs.createdAt`, kept equal to AUDIT_RETENTION_DAYS. Declared on the schema it
 * would conflict with itself whenever the variable changes; here it is created once and then changed in
 * place (collMod), so lengthening the retention keeps entries that the old setting would have expired.
 */
@Injectable()
export class AuditRetentionIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditRetentionIndex');

  constructor(
    @InjectModel(AuditLog.name) private readonly entries: Model<AuditLog>,
    private readonly config: AuditConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seconds = (this.config.AUDIT_RETENTION_DAYS * DAY_MS) / 1000;
    try {
      const indexes = await this.entries.collection.indexes().catch(() => []);
      const current = indexes.find((index) => index.name === RETENTION_INDEX_NAME);
      if (!current)
        await this.entries.collection.createIndex({ createdAt: 1 }, { name: RETENTION_INDEX_NAME, expireAfterSeconds: seconds });
      else if (current.expireAfterSeconds !== seconds)
        await this.entries.db.db!.command({
          collMod: this.entries.collection.collectionName,
          index: { name: RETENTION_INDEX_NAME, expireAfterSeconds: seconds },
        });
    } catch (error) {
      // The nightly purge enforces the retention without the index; a server without collMod keeps the old TTL until then.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.logger.warn(`audit retention index not updated to ${this.config.AUDIT_RETENTION_DAYS} days: ${reason}`);
    }
  }
}
