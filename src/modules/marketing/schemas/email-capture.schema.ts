import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { CAPTURE_STATUSES, type CaptureStatus } from '../email-capture.lifecycle.js';

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
  /** Every move, from where: the proof of consent a regulator may ask for. */
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<CaptureStatus>[];
  /** The confirmation email owed to the mail side, until the relay has run it. */
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type EmailCaptureDocument = HydratedDocument<EmailCapture>;
export const EmailCaptureSchema = SchemaFactory.createForClass(EmailCapture);
carryEffects(EmailCaptureSchema);

// POST /api/email-captures: one row per address; a second sign-up finds it.
EmailCaptureSchema.index({ email: 1 }, { unique: true });
// GET /api/email-captures?status= and its export: by status, newest first.
EmailCaptureSchema.index({ status: 1, createdAt: -1, _id: -1 });
// GET /api/email-captures without a status: newest first.
EmailCaptureSchema.index({ createdAt: -1, _id: -1 });
