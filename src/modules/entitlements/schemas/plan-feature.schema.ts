import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import type { FeatureValue } from '../feature-values.js';

/**
 * What one plan gives one feature. Plans and features are joined by their keys, which never change,
 * so a value reads without a lookup of ids.
 */
@Schema({ collection: 'planfeatures', timestamps: true })
export class PlanFeature {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 50 }) planKey: string;
  @Prop({ required: true, maxlength: 64 }) featureKey: string;
  @Prop({ type: SchemaTypes.Mixed, required: true }) value: FeatureValue;
  createdAt: Date;
  updatedAt: Date;
}

export const PlanFeatureSchema = SchemaFactory.createForClass(PlanFeature);

// PUT/DELETE /api/plans/:planKey/features/:featureKey: one value per plan and feature (and GET /api/plans/:planKey by its prefix).
PlanFeatureSchema.index({ planKey: 1, featureKey: 1 }, { unique: true });
