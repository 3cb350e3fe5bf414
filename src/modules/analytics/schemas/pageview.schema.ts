import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { UtmFields, UtmFieldsSchema } from './utm.schema.js';

/**
 * One page view. A time-series collection where the server has them (time `at`, series `path`);
 * created by AnalyticsStorage, not by Mongoose, which would make it a plain collection first.
 */
@Schema({ collection: 'pageviews', timestamps: false, versionKey: false, autoCreate: false, autoIndex: false })
export class Pageview {
  _id: Types.ObjectId;
  @Prop({ required: true }) at: Date;
  @Prop({ required: true, maxlength: 10 }) day: string;
  @Prop({ required: true, maxlength: 512 }) path: string;
  @Prop({ required: true, maxlength: 64 }) visitorId: string;
  @Prop({ required: true, maxlength: 64 }) visitId: string;
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ maxlength: 300 }) title?: string;
  @Prop({ maxlength: 2048 }) referrer?: string;
  @Prop({ type: UtmFieldsSchema }) utm?: UtmFields;
  /** Milliseconds spent on the page, as the client measured it. */
  @Prop({ min: 0 }) durationMs?: number;
  /** Percent of the page scrolled. */
  @Prop({ min: 0, max: 100 }) scrollDepth?: number;
}

export const PageviewSchema = SchemaFactory.createForClass(Pageview);

// GET /api/analytics/active-users, /top-pages and /series?metric=pageviews: a date range, grouped.
PageviewSchema.index({ at: 1 });
// GET /api/analytics/top-pages: one path over time.
PageviewSchema.index({ path: 1, at: 1 });
