import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { WEBINAR_STATUSES, type WebinarStatus } from '../webinar.lifecycle.js';

export const MAX_HOSTS = 10;

@Schema({ _id: false })
export class WebinarHost {
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ maxlength: 200 }) title?: string;
}

/** How to get in; shown only to registrants holding a seat. */
@Schema({ _id: false })
export class WebinarMeeting {
  @Prop({ required: true, maxlength: 2048 }) joinUrl: string;
  @Prop({ maxlength: 500 }) details?: string;
}

@Schema({ collection: 'webinars', timestamps: true })
export class Webinar {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) title: string;
  @Prop({ maxlength: 5000, default: '' }) description: string;
  @Prop({ type: [SchemaFactory.createForClass(WebinarHost)], default: [] }) hosts: WebinarHost[];
  @Prop({ required: true }) startsAt: Date;
  @Prop({ required: true, min: 1, max: 1440 }) durationMinutes: number;
  /** Kept with the start so the end is one indexed field: startsAt + durationMinutes. */
  @Prop({ required: true }) endsAt: Date;
  /** IANA zone the webinar is announced in. */
  @Prop({ required: true, maxlength: 64 }) timezone: string;
  @Prop({ required: true, min: 1, max: 100_000 }) capacity: number;
  /** Seats held by confirmed (and attended) registrations; moved only by a guarded $inc. */
  @Prop({ default: 0 }) seatsTaken: number;
  /** The waitlist's order: each waitlisted registration draws the next number. */
  @Prop({ default: 0 }) waitlistSequence: number;
  @Prop({ type: SchemaFactory.createForClass(WebinarMeeting), required: true }) meeting: WebinarMeeting;
  @Prop({ type: String, enum: WEBINAR_STATUSES, default: 'draft' }) status: WebinarStatus;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<WebinarStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type WebinarDocument = HydratedDocument<Webinar>;
export const WebinarSchema = SchemaFactory.createForClass(Webinar);
carryEffects(WebinarSchema);

// GET /api/webinars (upcoming scheduled ones, soonest first), GET /api/webinars?status= for staff,
// and the reminder job's scheduled webinars starting within a day.
WebinarSchema.index({ status: 1, startsAt: 1, _id: 1 });
// GET /api/webinars for staff without a status filter: by start.
WebinarSchema.index({ startsAt: 1, _id: 1 });
