import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { MAX_SLUG_LENGTH } from '../slug.js';

/** Bounded presentation settings; nothing here is free-form. */
@Schema({ _id: false })
export class TenantSettings {
  @Prop({ maxlength: 64 }) timezone?: string;
  @Prop({ maxlength: 35 }) locale?: string;
  /** `#rrggbb`. */
  @Prop({ maxlength: 7 }) brandColor?: string;
  /** A public https URL (the core outbound-URL policy). */
  @Prop({ maxlength: 2048 }) logoUrl?: string;
}
export const TenantSettingsSchema = SchemaFactory.createForClass(TenantSettings);

/** Where the current plan came from: the billing change that set it, so a redelivered one is a no-op. */
@Schema({ _id: false })
export class PlanOrigin {
  @Prop({ maxlength: 200 }) subscriptionId?: string;
  @Prop({ maxlength: 200 }) eventId?: string;
  @Prop({ required: true }) changedAt: Date;
}
export const PlanOriginSchema = SchemaFactory.createForClass(PlanOrigin);

@Schema({ collection: 'tenants', timestamps: true })
export class Tenant {
  _id: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 120 }) name: string;
  /** Lowercase, unique among open tenants; a closed tenant gives its slug up (kept in `closedSlug`). */
  @Prop({ lowercase: true, trim: true, maxlength: MAX_SLUG_LENGTH }) slug?: string;
  @Prop({ maxlength: MAX_SLUG_LENGTH }) closedSlug?: string;
  @Prop({ required: true, default: 'free', maxlength: 64 }) planKey: string;
  @Prop({ type: PlanOriginSchema }) planOrigin?: PlanOrigin;
  /** False once closed; a closed tenant does not exist for anyone. */
  @Prop({ default: true }) active: boolean;
  @Prop({ type: TenantSettingsSchema, default: {} }) settings: TenantSettings;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) createdBy: Types.ObjectId;
  /**
   * How many members are owners, never more than there are: promotions add after the membership
   * changed, demotions subtract (only while more than one remains) before it does, so the tenant
   * always keeps an owner even when two owners demote each other at once.
   */
  @Prop({ required: true, default: 0, min: 0 }) ownerCount: number;
  @Prop({ default: 0, min: 0 }) memberCount: number;
  @Prop() closedAt?: Date;
  @Prop({ type: SchemaTypes.ObjectId }) closedBy?: Types.ObjectId;
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type TenantDocument = HydratedDocument<Tenant>;
export const TenantSchema = SchemaFactory.createForClass(Tenant);
// Invite emails, the close cascade and the events other contexts hear are owed by the tenant document.
carryEffects(TenantSchema);

// POST /api/tenants and PATCH: one open tenant per slug (closed ones unset theirs).
TenantSchema.index({ slug: 1 }, { unique: true, sparse: true });
// GET /api/tenants (staff): open tenants, newest first; ?active=false lists closed ones.
TenantSchema.index({ active: 1, createdAt: -1, _id: -1 });
// GET /api/tenants?planKey=: tenants on a plan, newest first.
TenantSchema.index({ planKey: 1, createdAt: -1, _id: -1 });
// TenancyJobs: done effects to prune.
TenantSchema.index({ 'effects.state': 1, 'effects.doneAt': 1 }, { sparse: true });
