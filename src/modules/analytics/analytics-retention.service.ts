import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { ObjectId } from 'mongodb';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { AnalyticsConfig } from './analytics.config.js';
import { DAY_MS, RETAINED_COLLECTIONS } from './storage/retained-collections.js';

const PURGE_BATCH = 1000;

/**
 * Removes tracking data older than ANALYTICS_RETENTION_DAYS from every analytics collection. Expiry
 * (TTL index or time-series expireAfterSeconds) does the same on a server with a TTL monitor; this
 * purge works everywhere, in bounded batches, and catches up at once when the retention is shortened.
 */
@Injectable()
export class AnalyticsRetention {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly policy: PermissionPolicy,
    private readonly config: AnalyticsConfig,
  ) {}

  cutoff(now = new Date()): Date {
    return new Date(now.getTime() - this.config.ANALYTICS_RETENTION_DAYS * DAY_MS);
  }

  /** Answers how many documents were removed, across the collections. */
  async purge(ctx: RequestContext, now = new Date()): Promise<number> {
    this.policy.require(ctx, 'analytics.purge');
    const before = this.cutoff(now);
    let removed = 0;
    for (const { collection, timeField } of RETAINED_COLLECTIONS) {
      const target = this.connection.db!.collection(collection);
      for (;;) {
        const expired = await target
          .find({ [timeField]: { $lt: before } }, { projection: { _id: 1 } })
          .limit(PURGE_BATCH)
          .toArray();
        if (expired.length === 0) break;
        const ids = expired.map((row) => row._id as ObjectId);
        removed += (await target.deleteMany({ _id: { $in: ids } })).deletedCount;
        if (expired.length < PURGE_BATCH) break;
      }
    }
    return removed;
  }
}
