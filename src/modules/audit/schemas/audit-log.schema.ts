import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { ROLES, type Role } from '../../../core/auth/roles.js';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-actions.js';
import type { AuditSnapshot } from '../audit-diff.js';
import { refuseChanges } from './append-only.js';

export const AUDIT_ACTOR_ROLES = [...ROLES, 'system'] as const;
export type AuditActorRole = Role | 'system';

/** One privileged action: who did what to which target, in which tenant, what changed, from where. */
@Schema({ collection: 'auditlogs', versionKey: false })
export class AuditLog {
  _id: Types.ObjectId;
  /** Absent for the system (jobs, provider events). */
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop({ type: String, enum: AUDIT_ACTOR_ROLES, required: true }) actorRole: AuditActorRole;
  @Prop({ type: String, enum: AUDIT_ACTIONS, required: true }) action: AuditAction;
  @Prop({ required: true, maxlength: 64 }) targetType: string;
  @Prop({ required: true, maxlength: 128 }) targetId: string;
  @Prop({ type: SchemaTypes.ObjectId }) tenantId?: Types.ObjectId;
  /** Only the fields that changed, secrets redacted, size bounded (audit-diff.ts). */
  @Prop({ type: SchemaTypes.Mixed }) before?: AuditSnapshot;
  @Prop({ type: SchemaTypes.Mixed }) after?: AuditSnapshot;
  @Prop({ type: [String], default: [] }) changedFields: string[];
  /** Values were shortened or dropped to keep the entry small; `changedFields` still names every change. */
  @Prop({ default: false }) truncated: boolean;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
  @Prop({ required: true, maxlength: 128 }) requestId: string;
  /** When it happened; retention counts from here. */
  @Prop({ required: true }) createdAt: Date;
}

export type AuditLogDocument = HydratedDocument<AuditLog>;
export const AuditLogSchema = SchemaFactory.createForClass(AuditLog);
refuseChanges(AuditLogSchema);

// Retention: the TTL index on createdAt is kept in step with AUDIT_RETENTION_DAYS at boot (audit-retention-index.ts),
// not declared here, so that changing the variable updates the index instead of conflicting with it.

// GET /api/audit-logs (no filter, or only from/to), and the purge's createdAt < cutoff: newest first.
AuditLogSchema.index({ createdAt: -1, _id: -1 });
// GET /api/audit-logs?actor=<user id|system>: one actor's actions (system entries have no actorId), newest first.
AuditLogSchema.index({ actorId: 1, createdAt: -1, _id: -1 });
// GET /api/audit-logs?action=: an exact action, or a prefix (`tenant.`) as a range on the index, newest first.
AuditLogSchema.index({ action: 1, createdAt: -1, _id: -1 });
// GET /api/audit-logs?targetType=[&targetId=]: everything done to a kind of target, or to one target, newest first.
AuditLogSchema.index({ targetType: 1, targetId: 1, createdAt: -1, _id: -1 });
// GET /api/audit-logs?targetId=: one target's history when the type is not given, newest first.
AuditLogSchema.index({ targetId: 1, createdAt: -1, _id: -1 });
// GET /api/tenants/:tenantId/audit-logs and GET /api/audit-logs?tenantId=: one tenant's log, newest first.
AuditLogSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// GET /api/tenants/:tenantId/audit-logs?action=: a tenant's log by action or action prefix, newest first.
AuditLogSchema.index({ tenantId: 1, action: 1, createdAt: -1, _id: -1 });
