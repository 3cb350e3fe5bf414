import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { CONTACT_STATUSES, type ContactStatus } from '../contact-message.lifecycle.js';
import { CONTACT_TOPICS, type ContactTopic } from '../contact-fields.js';

/** A message from the public contact form, triaged by staff into a ticket, spam or closed. */
@Schema({ collection: 'contactmessages', timestamps: true })
export class ContactMessage {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;
  @Prop({ required: true, maxlength: 200 }) subject: string;
  @Prop({ required: true, maxlength: 10_000 }) message: string;
  @Prop({ type: String, enum: CONTACT_TOPICS, default: 'general' }) topic: ContactTopic;
  @Prop({ type: String, enum: CONTACT_STATUSES, default: 'new' }) status: ContactStatus;
  /** The signed-in sender, when there was one. */
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
  /** The ticket it was converted into. */
  @Prop({ type: SchemaTypes.ObjectId }) ticketId?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) triagedBy?: Types.ObjectId;
  @Prop() triagedAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<ContactStatus>[];
  createdAt: Date;
  updatedAt: Date;
}

export type ContactMessageDocument = HydratedDocument<ContactMessage>;
export const ContactMessageSchema = SchemaFactory.createForClass(ContactMessage);

// GET /api/support/contact-messages?status=: newest first.
ContactMessageSchema.index({ status: 1, createdAt: -1, _id: -1 });
// GET /api/support/contact-messages without a filter.
ContactMessageSchema.index({ createdAt: -1, _id: -1 });
// POST /api/contact: messages from one address in the last hour (SUPPORT_CONTACT_PER_HOUR).
ContactMessageSchema.index({ ip: 1, createdAt: -1 });
