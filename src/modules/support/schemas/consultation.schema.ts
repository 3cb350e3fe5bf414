import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../consultation.lifecycle.js';
import {
  BUDGET_RANGES,
  COMPANY_SIZES,
  CONSULTATION_TYPES,
  MEETING_PROVIDERS,
  PROJECT_TIMELINES,
  type BudgetRange,
  type CompanySize,
  type ConsultationType,
  type MeetingProvider,
  type ProjectTimeline,
} from '../consultation-fields.js';

@Schema({ _id: false })
export class ConsultationCompany {
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ type: String, enum: COMPANY_SIZES }) size?: CompanySize;
  @Prop({ maxlength: 2048 }) website?: string;
}

@Schema({ _id: false })
export class ConsultationProject {
  @Prop({ required: true, maxlength: 5000 }) summary: string;
  @Prop({ type: [String], default: [] }) goals: string[];
  @Prop({ type: String, enum: BUDGET_RANGES }) budgetRange?: BudgetRange;
  @Prop({ type: String, enum: PROJECT_TIMELINES }) timeline?: ProjectTimeline;
}

/** Set by staff when confirming. */
@Schema({ _id: false })
export class MeetingDetails {
  @Prop({ required: true, maxlength: 2048 }) url: string;
  @Prop({ type: String, enum: MEETING_PROVIDERS, required: true }) provider: MeetingProvider;
  @Prop({ maxlength: 200 }) dialIn?: string;
}

@Schema({ _id: false })
export class ConsultationOutcome {
  @Prop({ required: true, maxlength: 5000 }) summary: string;
  @Prop({ type: [String], default: [] }) nextSteps: string[];
}

@Schema({ _id: false })
export class ConsultationFeedback {
  @Prop({ required: true, min: 1, max: 5 }) rating: number;
  @Prop({ maxlength: 2000 }) comment?: string;
  @Prop({ required: true }) givenAt: Date;
}

@Schema({ collection: 'consultations', timestamps: true })
export class Consultation {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) requesterId: Types.ObjectId;
  @Prop({ type: String, enum: CONSULTATION_TYPES, required: true }) type: ConsultationType;
  @Prop({ type: SchemaFactory.createForClass(ConsultationCompany), required: true }) company: ConsultationCompany;
  @Prop({ type: SchemaFactory.createForClass(ConsultationProject), required: true }) project: ConsultationProject;
  /** The agreed time (the requested one until staff confirm or reschedule), UTC. */
  @Prop({ required: true }) scheduledAt: Date;
  /** The time first asked for, kept when staff move it. */
  @Prop({ required: true }) requestedAt: Date;
  /** IANA zone the requester reads times in. */
  @Prop({ required: true, maxlength: 64 }) timezone: string;
  @Prop({ type: String, enum: CONSULTATION_STATUSES, default: 'requested' }) status: ConsultationStatus;
  @Prop({ type: SchemaFactory.createForClass(MeetingDetails) }) meeting?: MeetingDetails;
  @Prop({ type: SchemaFactory.createForClass(ConsultationOutcome) }) outcome?: ConsultationOutcome;
  @Prop({ type: SchemaFactory.createForClass(ConsultationFeedback) }) feedback?: ConsultationFeedback;
  @Prop({ default: 0 }) rescheduleCount: number;
  @Prop() confirmedAt?: Date;
  @Prop() completedAt?: Date;
  @Prop() canceledAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<ConsultationStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type ConsultationDocument = HydratedDocument<Consultation>;
export const ConsultationSchema = SchemaFactory.createForClass(Consultation);
carryEffects(ConsultationSchema);

// GET /api/support/consultations/user/:userId: a requester's consultations, newest first.
ConsultationSchema.index({ requesterId: 1, createdAt: -1, _id: -1 });
// GET /api/support/consultations?status=: by meeting time.
ConsultationSchema.index({ status: 1, scheduledAt: 1, _id: 1 });
// GET /api/support/consultations?type=: by meeting time.
ConsultationSchema.index({ type: 1, scheduledAt: 1, _id: 1 });
// GET /api/support/consultations without filters, and the from/to range on the meeting time.
ConsultationSchema.index({ scheduledAt: 1, _id: 1 });
