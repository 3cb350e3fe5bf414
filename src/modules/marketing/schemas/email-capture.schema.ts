import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';

export const CAPTURE_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

/** A marketing sign-up (seed 002's emailCaptures), confirmed by double opt-in. */
@Schema({ collection: 'emailcaptures', timestamps: true })
export class EmailCapture {
  _id: Types.ObjectId;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;
  @Prop({ required: true, maxlength: 100 }) source: string;
  @Prop({ type: String, enum: CAPTURE_STATUSES, default: 'pending' }) status: CaptureStatus;
  @Prop() confirmedAt?: Date;
  @Prop() unsubscribedAt?: Date;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type EmailCaptureDocument = HydratedDocument<EmailCapture>;
export const EmailCaptureSchema = SchemaFactory.createForClass(EmailCapture);

// One row per address; a second sign-up updates it.
EmailCaptureSchema.index({ email: 1 }, { unique: true });
// Staff listing and export by status, newest first.
EmailCaptureSchema.index({ status: 1, createdAt: -1, _id: -1 });
EmailCaptureSchema.index({ createdAt: -1, _id: -1 });
