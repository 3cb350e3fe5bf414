import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { EMAIL_STATUSES, type EmailStatus } from '../email.lifecycle.js';

/** One email to send, rendered when queued; workers claim it with a lease and retry with backoff. */
@Schema({ collection: 'emailqueue', timestamps: true })
export class QueuedEmail {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 320 }) to: string;
  @Prop({ maxlength: 60 }) template?: string;
  @Prop({ required: true, maxlength: 300 }) subject: string;
  @Prop({ required: true }) html: string;
  @Prop({ required: true }) text: string;
  /** Higher goes first. */
  @Prop({ default: 0 }) priority: number;
  @Prop({ type: String, enum: EMAIL_STATUSES, default: 'pending' }) status: EmailStatus;
  @Prop({ default: 0 }) attempts: number;
  /** Not sent before this time (scheduled email, quiet hours, or the next retry). */
  @Prop({ required: true }) nextAttemptAt: Date;
  @Prop() lockedBy?: string;
  @Prop() lockedUntil?: Date;
  @Prop({ maxlength: 1000 }) lastError?: string;
  /** The same logical email is queued once: a second enqueue with this key is a no-op. */
  @Prop({ required: true, maxlength: 300 }) idempotencyKey: string;
  @Prop() sentAt?: Date;
  @Prop({ maxlength: 300 }) messageId?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type QueuedEmailDocument = HydratedDocument<QueuedEmail>;
export const QueuedEmailSchema = SchemaFactory.createForClass(QueuedEmail);

// MailService.enqueue is idempotent on this key.
QueuedEmailSchema.index({ idempotencyKey: 1 }, { unique: true });
// EmailQueue.claim: due mail by status, priority, then due time.
QueuedEmailSchema.index({ status: 1, priority: -1, nextAttemptAt: 1 });
// GET /api/admin/email-queue (counts, oldest pending) and GET /api/admin/email-queue/emails?status=: by status, newest first;
// also the nightly purge of ended mail queued before the retention cut-off (EmailQueue.purgeEnded).
QueuedEmailSchema.index({ status: 1, createdAt: 1 });
// GET /api/admin/email-queue/emails without a status: newest first.
QueuedEmailSchema.index({ createdAt: -1, _id: -1 });
// Erasure of a deleted account: every email to its former address.
QueuedEmailSchema.index({ to: 1 });
