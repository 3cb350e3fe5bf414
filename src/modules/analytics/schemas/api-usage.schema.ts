import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';

/**
 * One authenticated API request, by route template (never the concrete path). A time-series
 * collection where the server has them (time `at`, series `route`), created by AnalyticsStorage.
 */
@Schema({ collection: 'apiusages', timestamps: false, versionKey: false, autoCreate: false, autoIndex: false })
export class ApiUsage {
  _id: Types.ObjectId;
  @Prop({ required: true }) at: Date;
  @Prop({ required: true, maxlength: 10 }) day: string;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true, maxlength: 10 }) method: string;
  @Prop({ required: true, maxlength: 300 }) route: string;
  @Prop({ required: true }) status: number;
  /** 1 when the answer was an error (status ≥ 400), so the dashboard sums it without a condition. */
  @Prop({ required: true }) failed: 0 | 1;
  @Prop({ required: true, min: 0 }) durationMs: number;
}

export const ApiUsageSchema = SchemaFactory.createForClass(ApiUsage);

// GET /api/analytics/api-usage and /series?metric=api-requests: a date range grouped by route.
ApiUsageSchema.index({ at: 1 });
// One user's usage over time (quotas, support questions).
ApiUsageSchema.index({ userId: 1, at: 1 });
