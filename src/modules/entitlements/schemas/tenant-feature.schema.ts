import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import type { FeatureValue } from '../feature-values.js';

/**
 * A tenant's override of one feature (a trial, a deal, a support gesture). It applies until
 * `expiresAt`: reads filter on it, so it stops at that second with no job; the cleanup job only
 * removes long-expired ones.
 */
@Schema({ collection: 'tenantfeatures', timestamps: true })
export class TenantFeature {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) featureKey: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) value: FeatureValue;
  @Prop({ required: true }) enabledAt: Date;
  @Prop() expiresAt?: Date;
  @Prop({ maxlength: 500 }) reason?: string;
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const TenantFeatureSchema = SchemaFactory.createForClass(TenantFeature);

// Gating (tenant and feature) and PUT/DELETE /api/tenants/:tenantId/features/:featureKey: one override per tenant and
// feature; GET /api/tenants/:tenantId/features reads a tenant's overrides by its prefix.
TenantFeatureSchema.index({ tenantId: 1, featureKey: 1 }, { unique: true });
// The cleanup job: overrides expired before the retention cut-off.
TenantFeatureSchema.index({ expiresAt: 1 }, { sparse: true });
