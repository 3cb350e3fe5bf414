import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { FEATURE_TYPES, LIMIT_PERIODS, type FeatureType, type FeatureValue, type LimitPeriod } from '../feature-values.js';

/** Something a plan may include: a switch, a limit (metered per period, or a cap) or an add-on. */
@Schema({ collection: 'features', timestamps: true })
export class Feature {
  _id: Types.ObjectId;
  /** `^[a-z][a-z0-9.-]{1,63}$`; routes and code gate on it, so it never changes. */
  @Prop({ required: true, maxlength: 64 }) key: string;
  @Prop({ required: true, maxlength: 100 }) name: string;
  @Prop({ maxlength: 1000 }) description?: string;
  /** Fixed once created: plan values and overrides were validated against it. */
  @Prop({ type: String, enum: FEATURE_TYPES, required: true }) type: FeatureType;
  /** What a subject has when neither an override nor its plan sets the feature. */
  @Prop({ type: SchemaTypes.Mixed, required: true }) defaultValue: FeatureValue;
  /** Limits only: how often the counter starts again. */
  @Prop({ type: String, enum: LIMIT_PERIODS }) period?: LimitPeriod;
  /** What is counted, for people reading a usage report (`generations`, `minutes`). */
  @Prop({ maxlength: 40 }) unit?: string;
  /** The context whose code declared it at boot, or `admin` for one created through the API. */
  @Prop({ required: true, maxlength: 40 }) declaredBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FeatureSchema = SchemaFactory.createForClass(Feature);

// GET /api/features/:featureKey, gating and the boot declarations' upserts: one feature per key.
FeatureSchema.index({ key: 1 }, { unique: true });
