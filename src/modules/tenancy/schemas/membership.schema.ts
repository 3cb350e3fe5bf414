import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { DEFAULT_TENANT_ROLE, TENANT_ROLES, type TenantRole } from '../tenant-roles.js';

@Schema({ collection: 'memberships', timestamps: true })
export class Membership {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: TENANT_ROLES, default: DEFAULT_TENANT_ROLE }) role: TenantRole;
  @Prop({ required: true }) joinedAt: Date;
  /** Who added them (directly, or by the invite they accepted); absent for the tenant's creator. */
  @Prop({ type: SchemaTypes.ObjectId }) invitedBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type MembershipDocument = HydratedDocument<Membership>;
export const MembershipSchema = SchemaFactory.createForClass(Membership);
MembershipSchema.plugin(tenantScopedPlugin);

// TenantScopeGuard on every tenant route, and every membership change: one member per tenant.
MembershipSchema.index({ tenantId: 1, userId: 1 }, { unique: true });
// GET /api/tenants/:tenantId/members (?role=): by join date; user deletion's successor (oldest admin, then member).
MembershipSchema.index({ tenantId: 1, role: 1, joinedAt: 1, _id: 1 });
// GET /api/tenants/:tenantId/members without a role: by join date.
MembershipSchema.index({ tenantId: 1, joinedAt: 1, _id: 1 });
// GET /api/users/me/tenants and user deletion: a user's memberships everywhere.
MembershipSchema.index({ userId: 1, joinedAt: -1, _id: -1 });
