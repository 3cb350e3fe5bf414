import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { anyOf } from '../../core/database/find-page.js';
import { AuditConfig } from './audit.config.js';
import { RETENTION_PURGE } from './schemas/append-only.js';
import { AuditLog } from './schemas/audit-log.schema.js';

const PURGE_BATCH = 1000;
export const DAY_MS = 86_400_000;

/**
 * Removes entries older than AUDIT_RETENTION_DAYS: the only delete the append-only log allows. The
 * TTL index does the same on a server with a TTL monitor; this purge works everywhere and catches up
 * at once when the retention is shortened.
 */
@Injectable()
export class AuditRetention {
  constructor(
    @InjectModel(AuditLog.name) private readonly entries: Model<AuditLog>,
    private readonly policy: PermissionPolicy,
    private readonly config: AuditConfig,
  ) {}

  cutoff(now = new Date()): Date {
    return new Date(now.getTime() - this.config.AUDIT_RETENTION_DAYS * DAY_MS);
  }

  /** Purges in bounded batches, so a long backlog never becomes one long delete. Answers how many. */
  async purge(ctx: RequestContext, now = new Date()): Promise<number> {
    this.policy.require(ctx, 'audit.purge');
    const before = this.cutoff(now);
    let removed = 0;
    for (;;) {
      const expired = await this.entries
        .find({ createdAt: trusted({ $lt: before }) }, { _id: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .limit(PURGE_BATCH)
        .lean<{ _id: Types.ObjectId }[]>();
      if (expired.length === 0) return removed;
      // The age bound is repeated in the delete: the append-only guard lets through only a delete bounded by age.
      const { deletedCount } = await this.entries
        .deleteMany({ _id: anyOf(expired.map((row) => row._id)), createdAt: trusted({ $lt: before }) })
        .setOptions(RETENTION_PURGE);
      removed += deletedCount;
      if (expired.length < PURGE_BATCH) return removed;
    }
  }
}
