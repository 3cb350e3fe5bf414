import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { UtmFields, UtmFieldsSchema } from './utm.schema.js';

/** The visit a visitor is in: the visitor document is where one visit at a time is decided atomically. */
export interface CurrentVisit {
  id: string;
  lastAt: Date;
}

/** A browser, by the id its client generated, with what was known when it was first seen. */
@Schema({ collection: 'visitors', timestamps: false })
export class Visitor {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) visitorId: string;
  /** The signed-in user last seen with this visitor id. */
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ required: true }) firstSeenAt: Date;
  /** UTC day of firstSeenAt, for the new-visitors series. */
  @Prop({ required: true, maxlength: 10 }) firstDay: string;
  @Prop({ required: true }) lastSeenAt: Date;
  @Prop({ maxlength: 2048 }) referrer?: string;
  @Prop({ type: UtmFieldsSchema }) utm?: UtmFields;
  @Prop({ maxlength: 512 }) userAgent?: string;
  @Prop({ maxlength: 35 }) locale?: string;
  @Prop({ type: { width: Number, height: Number }, _id: false }) screen?: { width: number; height: number };
  /** The address's network only (see anonymizeIp); a full address is never stored. */
  @Prop({ maxlength: 64 }) ipNetwork?: string;
  @Prop({ type: { id: String, lastAt: Date }, _id: false }) visit?: CurrentVisit;
}

export const VisitorSchema = SchemaFactory.createForClass(Visitor);

// POST /api/analytics/track/visitor and /pageview: one document per visitor id (the upsert's key).
VisitorSchema.index({ visitorId: 1 }, { unique: true });
// GET /api/analytics/series?metric=new-visitors: first seen per day.
VisitorSchema.index({ firstDay: 1 });
// Erasing or looking up what a user's browsers sent.
VisitorSchema.index({ userId: 1 }, { sparse: true });
