import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { UtmFields, UtmFieldsSchema } from './utm.schema.js';

/**
 * One visit: page views of a visitor with no gap longer than ANALYTICS_VISIT_TIMEOUT_MINUTES. The
 * seed calls these "sessions"; here they are visits, as `sessions` holds the learning platform's sessions.
 */
@Schema({ collection: 'visits', timestamps: false })
export class Visit {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) visitId: string;
  @Prop({ required: true, maxlength: 64 }) visitorId: string;
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ required: true }) startedAt: Date;
  /** UTC day the visit started on, for the visits series. */
  @Prop({ required: true, maxlength: 10 }) day: string;
  @Prop({ required: true }) lastAt: Date;
  @Prop({ required: true, maxlength: 512 }) entryPath: string;
  @Prop({ required: true, maxlength: 512 }) exitPath: string;
  @Prop({ required: true, min: 1 }) pageviews: number;
  @Prop({ maxlength: 2048 }) referrer?: string;
  @Prop({ type: UtmFieldsSchema }) utm?: UtmFields;
}

export const VisitSchema = SchemaFactory.createForClass(Visit);

// POST /api/analytics/track/pageview: extending the visit by its id.
VisitSchema.index({ visitId: 1 }, { unique: true });
// GET /api/analytics/series?metric=visits: visits started per day.
VisitSchema.index({ day: 1 });
// A visitor's visits, newest first.
VisitSchema.index({ visitorId: 1, startedAt: -1 });
