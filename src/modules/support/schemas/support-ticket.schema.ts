import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.lifecycle.js';
import {
  AUTHOR_ROLES,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  type AuthorRole,
  type TicketCategory,
  type TicketPriority,
} from '../ticket-fields.js';

/** One message of the conversation the requester sees. */
@Schema({ _id: true })
export class TicketMessage {
  _id: Types.ObjectId;
  /** Absent for a message from a requester known only by email (a converted contact message). */
  @Prop({ type: SchemaTypes.ObjectId }) authorId?: Types.ObjectId;
  @Prop({ type: String, enum: AUTHOR_ROLES, required: true }) authorRole: AuthorRole;
  @Prop({ maxlength: 200 }) authorName?: string;
  @Prop({ required: true, maxlength: 10_000 }) body: string;
  @Prop({ type: [String], default: [] }) attachments: string[];
  @Prop({ required: true }) createdAt: Date;
}
export const TicketMessageSchema = SchemaFactory.createForClass(TicketMessage);

/** An internal note: staff only, stored apart from the conversation so no mapper can leak it by accident. */
@Schema({ _id: true })
export class TicketNote {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) authorId: Types.ObjectId;
  @Prop({ required: true, maxlength: 10_000 }) body: string;
  @Prop({ required: true }) createdAt: Date;
}
export const TicketNoteSchema = SchemaFactory.createForClass(TicketNote);

@Schema({ _id: false })
export class TicketSatisfaction {
  @Prop({ required: true, min: 1, max: 5 }) rating: number;
  @Prop({ maxlength: 2000 }) comment?: string;
  @Prop({ required: true }) ratedAt: Date;
}
export const TicketSatisfactionSchema = SchemaFactory.createForClass(TicketSatisfaction);

@Schema({ collection: 'supporttickets', timestamps: true })
export class SupportTicket {
  _id: Types.ObjectId;
  /** `TKT-2026-000123`, from the per-year counter. */
  @Prop({ required: true, maxlength: 32 }) ticketNumber: string;
  /** The requesting user; absent when a contact message from a non-member was converted. */
  @Prop({ type: SchemaTypes.ObjectId }) requesterId?: Types.ObjectId;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) requesterEmail: string;
  @Prop({ maxlength: 200 }) requesterName?: string;
  @Prop({ required: true, maxlength: 200 }) subject: string;
  @Prop({ type: String, enum: TICKET_CATEGORIES, required: true }) category: TicketCategory;
  @Prop({ type: String, enum: TICKET_PRIORITIES, default: 'normal' }) priority: TicketPriority;
  @Prop({ type: String, enum: TICKET_STATUSES, default: 'open' }) status: TicketStatus;
  @Prop({ type: SchemaTypes.ObjectId }) assigneeId?: Types.ObjectId;
  @Prop({ type: [TicketMessageSchema], default: [] }) messages: TicketMessage[];
  /** Kept with the ticket so replies can refuse to grow it past MAX_MESSAGES_PER_TICKET in the same update. */
  @Prop({ default: 0 }) messageCount: number;
  @Prop({ type: [TicketNoteSchema], default: [] }) notes: TicketNote[];
  @Prop({ default: 0 }) noteCount: number;
  @Prop() lastMessageAt?: Date;
  @Prop({ required: true }) firstResponseDueAt: Date;
  @Prop({ required: true }) resolutionDueAt: Date;
  /** The next deadline: first response until staff answered, then resolution. The queue sorts by it. */
  @Prop({ required: true }) slaDueAt: Date;
  @Prop() firstRespondedAt?: Date;
  @Prop() resolvedAt?: Date;
  @Prop() closedAt?: Date;
  @Prop({ maxlength: 5000 }) resolutionSummary?: string;
  @Prop({ type: TicketSatisfactionSchema }) satisfaction?: TicketSatisfaction;
  /** The contact message this ticket was opened from. */
  @Prop({ type: SchemaTypes.ObjectId }) contactMessageId?: Types.ObjectId;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<TicketStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type SupportTicketDocument = HydratedDocument<SupportTicket>;
export const SupportTicketSchema = SchemaFactory.createForClass(SupportTicket);
carryEffects(SupportTicketSchema);

// One ticket per number, whatever happens to the counter.
SupportTicketSchema.index({ ticketNumber: 1 }, { unique: true });
// A contact message converts into one ticket, even when two staff convert it at once.
SupportTicketSchema.index({ contactMessageId: 1 }, { unique: true, sparse: true });
// GET /api/support/tickets/user/:userId: a requester's tickets, newest first.
SupportTicketSchema.index({ requesterId: 1, createdAt: -1, _id: -1 });
// GET /api/support/queue without filters, and overdue=true (slaDueAt passed, then the status check): by SLA due.
SupportTicketSchema.index({ slaDueAt: 1, _id: 1 });
// GET /api/support/queue?status=: by SLA due.
SupportTicketSchema.index({ status: 1, slaDueAt: 1, _id: 1 });
// GET /api/support/queue?priority=: by SLA due.
SupportTicketSchema.index({ priority: 1, slaDueAt: 1, _id: 1 });
// GET /api/support/queue?category=: by SLA due.
SupportTicketSchema.index({ category: 1, slaDueAt: 1, _id: 1 });
// GET /api/support/queue?assignee= (an id, or unassigned: assigneeId null): by SLA due.
SupportTicketSchema.index({ assigneeId: 1, slaDueAt: 1, _id: 1 });
// GET /api/support/queue?createdFrom=&createdTo=: the creation range.
SupportTicketSchema.index({ createdAt: -1, _id: -1 });
