import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { SESSION_STATUSES, type SessionStatus } from '../session.lifecycle.js';

/** A session keeps at most this many reschedulings; the next one is refused (409) in the same update. */
export const MAX_RESCHEDULINGS = 20;
export const MAX_NOTES_LENGTH = 2000;
export const MAX_REASON_LENGTH = 500;
export const REMINDER_KINDS = ['24h', '15m'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded', 'waived'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

@Schema({ _id: false })
export class SessionParticipants {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) teacher: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) learner: Types.ObjectId;
}

/** Booked times, UTC; `timezone` is the IANA zone the learner booked in (how notices show the time). */
@Schema({ _id: false })
export class SessionSchedule {
  @Prop({ required: true }) startTime: Date;
  @Prop({ required: true }) endTime: Date;
  @Prop({ required: true, maxlength: 64 }) timezone: string;
}

@Schema({ _id: false })
export class SessionJoins {
  @Prop() teacher?: Date;
  @Prop() learner?: Date;
}

@Schema({ _id: false })
export class SessionRescheduling {
  @Prop({ required: true }) from: Date;
  @Prop({ required: true }) to: Date;
  /** The new end, so the history alone tells the whole new slot. */
  @Prop() toEnd?: Date;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) by: Types.ObjectId;
  @Prop({ required: true }) at: Date;
  @Prop({ maxlength: MAX_REASON_LENGTH }) reason?: string;
}

/** What happened in the room: joins, the real start and end, pauses. */
@Schema({ _id: false })
export class SessionActivity {
  @Prop({ type: SchemaFactory.createForClass(SessionJoins), default: () => ({}) }) joinedAt: SessionJoins;
  @Prop() actualStartTime?: Date;
  @Prop() actualEndTime?: Date;
  /** Set while paused; the minutes it lasted are added to pausedMinutes on resume (or end). */
  @Prop() pausedAt?: Date;
  @Prop({ default: 0, min: 0 }) pausedMinutes: number;
  /** Set on completion: minutes from the real start to the real end without pauses (what statistics add up). */
  @Prop({ min: 0 }) heldMinutes?: number;
  @Prop({ type: [SchemaFactory.createForClass(SessionRescheduling)], default: [] }) rescheduling: SessionRescheduling[];
}

@Schema({ _id: false })
export class SessionCancellation {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) cancelledBy: Types.ObjectId;
  @Prop({ required: true }) cancelledAt: Date;
  @Prop({ maxlength: MAX_REASON_LENGTH }) reason?: string;
}

/** The room; joinUrl and password are shown only to participants through POST /api/sessions/:id/join. */
@Schema({ _id: false })
export class SessionVideoRoom {
  @Prop({ required: true, maxlength: 200 }) videoRoomId: string;
  @Prop({ required: true, maxlength: 2048 }) joinUrl: string;
  /** Kept in clear: participants are handed it to enter the room. */
  @Prop({ required: true, maxlength: 200 }) password: string;
}

/** Price = teacher's hourly rate × booked duration, in integer minor units; amount 0 when the teacher is free. */
@Schema({ _id: false })
export class SessionPricing {
  @Prop({ required: true, min: 0 }) amount: number;
  @Prop({ required: true, maxlength: 3 }) currency: string;
  @Prop({ maxlength: 200 }) transactionId?: string;
  @Prop({ type: String, enum: PAYMENT_STATUSES }) paymentStatus?: PaymentStatus;
}

@Schema({ _id: false })
export class SessionRating {
  @Prop({ required: true, min: 1, max: 5 }) rating: number;
  @Prop({ maxlength: 2000 }) comment?: string;
  @Prop({ required: true }) at: Date;
}

/** Each side rates the other once: `teacher` is the teacher's feedback, `learner` the learner's. */
@Schema({ _id: false })
export class SessionFeedback {
  @Prop({ type: SchemaFactory.createForClass(SessionRating) }) teacher?: SessionRating;
  @Prop({ type: SchemaFactory.createForClass(SessionRating) }) learner?: SessionRating;
}

@Schema({ collection: 'sessions', timestamps: true })
export class LearningSession {
  _id: Types.ObjectId;
  @Prop({ type: SchemaFactory.createForClass(SessionParticipants), required: true }) participants: SessionParticipants;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) skill: Types.ObjectId;
  @Prop({ type: SchemaFactory.createForClass(SessionSchedule), required: true }) schedule: SessionSchedule;
  @Prop({ type: String, enum: SESSION_STATUSES, default: 'scheduled' }) status: SessionStatus;
  @Prop({ type: SchemaFactory.createForClass(SessionActivity), default: () => ({}) }) activity: SessionActivity;
  @Prop({ type: SchemaFactory.createForClass(SessionCancellation) }) cancellation?: SessionCancellation;
  @Prop({ type: SchemaFactory.createForClass(SessionVideoRoom), required: true }) videoRoom: SessionVideoRoom;
  @Prop({ type: SchemaFactory.createForClass(SessionPricing), required: true }) pricing: SessionPricing;
  @Prop({ maxlength: 2048 }) recordingUrl?: string;
  @Prop({ maxlength: MAX_NOTES_LENGTH }) notes?: string;
  @Prop({ type: SchemaFactory.createForClass(SessionFeedback), default: () => ({}) }) feedback: SessionFeedback;
  /** Reminders already sent for the current start time (cleared when the session is rescheduled). */
  @Prop({ type: [String], enum: REMINDER_KINDS, default: [] }) remindersSent: ReminderKind[];
  /** Who had not joined when the no-show job closed the session (one side, or both). */
  @Prop({ type: [String], enum: ['teacher', 'learner'], default: undefined }) absentees?: ('teacher' | 'learner')[];
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<SessionStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type LearningSessionDocument = HydratedDocument<LearningSession>;
export const LearningSessionSchema = SchemaFactory.createForClass(LearningSession);
carryEffects(LearningSessionSchema);

// GET /api/sessions?role=teacher (and my-sessions, upcoming, history, statistics) for a teacher, by start;
// also the booking overlap check on the teacher's calendar.
LearningSessionSchema.index({ 'participants.teacher': 1, 'schedule.startTime': 1 });
// GET /api/sessions?role=learner (and my-sessions, upcoming, history, statistics) for a learner, by start;
// also the booking overlap check on the learner's calendar.
LearningSessionSchema.index({ 'participants.learner': 1, 'schedule.startTime': 1 });
// GET /api/sessions?status= for staff, and the reminder and no-show jobs' scheduled sessions by start.
LearningSessionSchema.index({ status: 1, 'schedule.startTime': 1 });
// The skill standing recompute (completed sessions of a skill, with their learners' ratings).
LearningSessionSchema.index({ skill: 1, status: 1 });
// GET /api/sessions for staff without filters: newest bookings first.
LearningSessionSchema.index({ createdAt: -1 });
