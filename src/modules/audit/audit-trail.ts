import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { AuditSink } from '../../core/auth/audit-sink.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { insertLean } from '../../core/database/insert-lean.js';
import type { AuditAction } from './audit-actions.js';
import { auditDiff } from './audit-diff.js';
import { AuditMetrics } from './audit-metrics.js';
import { AuditLog } from './schemas/audit-log.schema.js';

/** One privileged action to record: what was done to which target, and the target before and after. */
export interface AuditEntryInput {
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** Defaults to the request's tenant. */
  tenantId?: string;
  /** The target's fields before the action (a snapshot or the whole document); only those that changed are kept, secrets redacted. */
  before?: Record<string, unknown> | object;
  after?: Record<string, unknown> | object;
}

const asObjectId = (id: string | undefined): Types.ObjectId | undefined =>
  id !== undefined && id.length === 24 && Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : undefined;

/** The entry as it is stored: who, what, where from, and the bounded, redacted change. */
export function entryOf(ctx: RequestContext, input: AuditEntryInput, at: Date): Omit<AuditLog, '_id'> {
  const change = auditDiff(input.before, input.after);
  const actor = ctx.system ? undefined : ctx.actor;
  return {
    actorId: asObjectId(actor?.id),
    actorRole: actor?.role ?? 'system',
    action: input.action,
    targetType: input.targetType.slice(0, 64),
    targetId: String(input.targetId).slice(0, 128),
    tenantId: asObjectId(input.tenantId ?? ctx.tenant?.id),
    before: change.before,
    after: change.after,
    changedFields: change.fields,
    truncated: change.truncated,
    ip: ctx.client.ip?.slice(0, 64),
    userAgent: ctx.client.userAgent?.slice(0, 512),
    requestId: ctx.requestId.slice(0, 128),
    createdAt: at,
  };
}

/**
 * Records privileged actions in the append-only audit log. Callers await it right after the change
 * succeeded. A failed write does not fail the request (the change is already made and answering an
 * error would invite a retry of it): the entry goes to the error log in full, which is the record of
 * last resort, and `atrium_audit_write_failures_total` counts it so an alert fires.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @InjectModel(AuditLog.name) private readonly entries: Model<AuditLog>,
    private readonly metrics: AuditMetrics,
  ) {}

  async record(ctx: RequestContext, input: AuditEntryInput): Promise<void> {
    let entry: Omit<AuditLog, '_id'> | undefined;
    try {
      entry = entryOf(ctx, input, new Date());
      await insertLean(this.entries, entry);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.metrics.writeFailed(String(input.action));
      this.logger.error(
        `audit entry not written (${reason}): ${JSON.stringify(entry ?? { action: input.action, targetId: input.targetId })}`,
      );
    }
  }
}

/** Core's port onto the trail. Its callers name actions as strings; one the list does not know fails the schema and is counted like any failed write. */
export const auditSinkOf = (trail: AuditTrail): AuditSink => ({
  record: (ctx, entry) => trail.record(ctx, { ...entry, action: entry.action as AuditAction }),
});
