import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.lifecycle.js';
import { REMINDER_KINDS, type ReminderKind } from '../webinars.events.js';

/** Time in the webinar: the open visit (joinedAt until leave) and the minutes of the visits that ended. */
@Schema({ _id: false })
export class Attendance {
  @Prop() firstJoinedAt?: Date;
  /** Set while the registrant is in the webinar; cleared on leave. */
  @Prop() joinedAt?: Date;
  @Prop() leftAt?: Date;
  @Prop({ default: 0 }) minutes: number;
  @Prop({ default: 0 }) visits: number;
}

/** Counts of what the registrant did in the webinar; each moved only by $inc. */
@Schema({ _id: false })
export class Engagement {
  @Prop({ default: 0 }) questions: number;
  @Prop({ default: 0 }) pollAnswers: number;
  @Prop({ default: 0 }) chatMessages: number;
}

@Schema({ _id: false })
export class RegistrationFeedback {
  @Prop({ required: true, min: 1, max: 5 }) rating: number;
  @Prop({ maxlength: 2000 }) comment?: string;
  @Prop({ required: true }) givenAt: Date;
}

@Schema({ collection: 'webinarregistrations', timestamps: true })
export class WebinarRegistration {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) webinarId: Types.ObjectId;
  /** The webinar's start when the registration was taken, for the registrant's own lists. */
  @Prop({ required: true }) scheduledDate: Date;
  /** Normalized (trimmed, lower case): one registration per webinar and address. */
  @Prop({ required: true, maxlength: 254 }) email: string;
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ maxlength: 200 }) company?: string;
  /** The account of the registered address, when it has one. */
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ type: String, enum: REGISTRATION_STATUSES, required: true }) status: RegistrationStatus;
  /** The waitlist's order while waitlisted (the webinar's sequence when it joined the list). */
  @Prop() waitlistSequence?: number;
  /** SHA-256 of the token mailed on registration; the token itself is never stored. */
  @Prop({ required: true, maxlength: 64 }) manageTokenHash: string;
  @Prop({ type: SchemaFactory.createForClass(Attendance), default: () => ({}) }) attendance: Attendance;
  @Prop({ type: SchemaFactory.createForClass(Engagement), default: () => ({}) }) engagement: Engagement;
  @Prop({ type: SchemaFactory.createForClass(RegistrationFeedback) }) feedback?: RegistrationFeedback;
  /** Reminders claimed for this registration; each kind is claimed once, in the update that owes it. */
  @Prop({ type: [String], enum: REMINDER_KINDS, default: [] }) reminders: ReminderKind[];
  /** Set when the seat of a canceled registration went back to the webinar, so it goes back once. */
  @Prop() seatReleasedAt?: Date;
  /** Set when the webinar's cancellation notice is owed, so each registrant hears once. */
  @Prop() canceledNoticeAt?: Date;
  @Prop() canceledAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<RegistrationStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type WebinarRegistrationDocument = HydratedDocument<WebinarRegistration>;
export const WebinarRegistrationSchema = SchemaFactory.createForClass(WebinarRegistration);
carryEffects(WebinarRegistrationSchema);

// POST /api/webinars/register: one registration per webinar and address (a duplicate is 409).
WebinarRegistrationSchema.index({ webinarId: 1, email: 1 }, { unique: true });
// GET /api/webinars/{id}/registrations?status=, the waitlist's head on promotion (by sequence), the reminder job's confirmed ones.
WebinarRegistrationSchema.index({ webinarId: 1, status: 1, waitlistSequence: 1, _id: 1 });
// GET /api/webinars/registrations/user/{userId}: a user's registrations, newest first.
WebinarRegistrationSchema.index({ userId: 1, createdAt: -1, _id: -1 }, { sparse: true });
// GET /api/webinars/registrations/email/{email}: an address's registrations, newest first.
WebinarRegistrationSchema.index({ email: 1, createdAt: -1, _id: -1 });
// The manage token: one registration per token hash.
WebinarRegistrationSchema.index({ manageTokenHash: 1 }, { unique: true });
