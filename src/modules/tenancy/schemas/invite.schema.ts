import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { INVITE_STATUSES, type InviteStatus } from '../invite.lifecycle.js';
import { TENANT_ROLES, type TenantRole } from '../tenant-roles.js';

/** Days a settled or expired invite stays for the tenant's history before the TTL index removes it. */
export const INVITE_RETENTION_DAYS = 30;

@Schema({ collection: 'invites', timestamps: true })
export class Invite {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;
  @Prop({ type: String, enum: TENANT_ROLES, required: true }) role: TenantRole;
  /** sha256 of the token; the token itself is only in the email. */
  @Prop({ required: true, maxlength: 64 }) tokenHash: string;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) invitedBy: Types.ObjectId;
  @Prop({ type: String, enum: INVITE_STATUSES, default: 'pending' }) status: InviteStatus;
  /** `<tenantId>:<email>` while pending, unset after: the unique index allows one pending invite per address. */
  @Prop({ maxlength: 300 }) pendingKey?: string;
  @Prop({ required: true }) expiresAt: Date;
  /** How many times the email went out; each send has its own token and mail key. */
  @Prop({ default: 1 }) sendCount: number;
  /** Set once the email is owed; a pending invite without it after a crash gets a fresh token and its email. */
  @Prop() mailOwedAt?: Date;
  @Prop() acceptedAt?: Date;
  @Prop({ type: SchemaTypes.ObjectId }) acceptedBy?: Types.ObjectId;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<InviteStatus>[];
  createdAt: Date;
  updatedAt: Date;
}

export type InviteDocument = HydratedDocument<Invite>;
export const InviteSchema = SchemaFactory.createForClass(Invite);
InviteSchema.plugin(tenantScopedPlugin);

// POST /api/invites/accept: the invite a token opens.
InviteSchema.index({ tokenHash: 1 }, { unique: true });
// POST /api/tenants/:tenantId/invites: one pending invite per (tenant, address).
InviteSchema.index({ pendingKey: 1 }, { unique: true, sparse: true });
// GET /api/tenants/:tenantId/invites?status=: newest first.
InviteSchema.index({ tenantId: 1, status: 1, createdAt: -1, _id: -1 });
// GET /api/tenants/:tenantId/invites without a status: newest first.
InviteSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// TenancyJobs' expiry sweep: pending invites past their time.
InviteSchema.index({ status: 1, expiresAt: 1 });
// TenancyJobs' repair: pending invites whose email was never owed (a crash right after the insert).
InviteSchema.index({ status: 1, mailOwedAt: 1, createdAt: 1 });
// A server with a TTL monitor removes invites a while after they expired; the stand-in relies on the sweep.
InviteSchema.index({ expiresAt: 1 }, { expireAfterSeconds: INVITE_RETENTION_DAYS * 86_400 });
