import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.lifecycle.js';
import {
  EMPLOYMENT_TYPES,
  INTERVIEW_KINDS,
  OFFER_CURRENCIES,
  type EmploymentType,
  type InterviewKind,
  type OfferCurrency,
} from '../careers-fields.js';

/** The posting as it read when the application came in. */
@Schema({ _id: false })
export class ApplicationPosition {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) postingId: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) title: string;
  @Prop({ required: true, maxlength: 100 }) department: string;
  @Prop({ type: String, enum: EMPLOYMENT_TYPES, required: true }) employmentType: EmploymentType;
}
export const ApplicationPositionSchema = SchemaFactory.createForClass(ApplicationPosition);

@Schema({ _id: false })
export class Applicant {
  /** The account that applied, when the applicant was signed in. */
  @Prop({ type: SchemaTypes.ObjectId }) userId?: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;
  @Prop({ maxlength: 40 }) phone?: string;
  @Prop({ maxlength: 10_000 }) coverLetter?: string;
  @Prop({ type: [String], default: [] }) links: string[];
}
export const ApplicantSchema = SchemaFactory.createForClass(Applicant);

@Schema({ _id: false })
export class Resume {
  /** A public https link the applicant gave. */
  @Prop({ maxlength: 2048 }) url?: string;
  /** A file stored by the files context (purpose `resume`); staff download it through a short-lived signed URL. */
  @Prop({ type: SchemaTypes.ObjectId }) fileId?: Types.ObjectId;
  @Prop({ maxlength: 255 }) fileName?: string;
}
export const ResumeSchema = SchemaFactory.createForClass(Resume);

@Schema({ _id: true })
export class Interview {
  _id: Types.ObjectId;
  @Prop({ required: true }) scheduledAt: Date;
  @Prop({ required: true, min: 5, max: 600 }) durationMinutes: number;
  @Prop({ type: String, enum: INTERVIEW_KINDS, required: true }) kind: InterviewKind;
  @Prop({ type: [SchemaTypes.ObjectId], default: [] }) interviewerIds: Types.ObjectId[];
  @Prop({ maxlength: 2048 }) meetingUrl?: string;
  @Prop({ maxlength: 300 }) location?: string;
  /** Staff only: the interviewers' verdict. */
  @Prop({ maxlength: 5000 }) feedback?: string;
  @Prop({ min: 1, max: 5 }) score?: number;
  @Prop({ type: SchemaTypes.ObjectId }) feedbackBy?: Types.ObjectId;
  @Prop() feedbackAt?: Date;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) scheduledBy: Types.ObjectId;
}
export const InterviewSchema = SchemaFactory.createForClass(Interview);

@Schema({ _id: false })
export class Offer {
  /** Yearly gross salary in minor units of `currency`. */
  @Prop({ required: true, min: 0 }) salary: number;
  @Prop({ type: String, enum: OFFER_CURRENCIES, required: true }) currency: OfferCurrency;
  @Prop({ required: true }) startDate: Date;
  @Prop({ required: true }) expiresAt: Date;
  @Prop({ required: true }) madeAt: Date;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) madeBy: Types.ObjectId;
  @Prop() respondedAt?: Date;
}
export const OfferSchema = SchemaFactory.createForClass(Offer);

/** A staff-only note on an application. */
@Schema({ _id: true })
export class ApplicationNote {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) authorId: Types.ObjectId;
  @Prop({ required: true, maxlength: 5000 }) body: string;
  @Prop({ required: true }) createdAt: Date;
}
export const ApplicationNoteSchema = SchemaFactory.createForClass(ApplicationNote);

@Schema({ collection: 'jobapplications', timestamps: true })
export class JobApplication {
  _id: Types.ObjectId;
  /** `APP-2026-000123`, from the per-year counter. */
  @Prop({ required: true, maxlength: 32 }) applicationId: string;
  @Prop({ type: ApplicationPositionSchema, required: true }) position: ApplicationPosition;
  @Prop({ type: ApplicantSchema, required: true }) applicant: Applicant;
  @Prop({ type: ResumeSchema, required: true }) resume: Resume;
  @Prop({ type: String, enum: APPLICATION_STATUSES, default: 'submitted' }) status: ApplicationStatus;
  /** `<postingId>:<email>` while active, `released:<id>` once final: its unique index allows one active application per posting and address. */
  @Prop({ required: true, maxlength: 300 }) activeKey: string;
  @Prop({ type: SchemaTypes.ObjectId }) reviewerId?: Types.ObjectId;
  @Prop({ type: [InterviewSchema], default: [] }) interviews: Interview[];
  @Prop({ default: 0 }) interviewCount: number;
  @Prop({ type: OfferSchema }) offer?: Offer;
  @Prop({ type: [ApplicationNoteSchema], default: [] }) notes: ApplicationNote[];
  @Prop({ default: 0 }) noteCount: number;
  /** Set when the applicant's account was deleted and their personal data erased. */
  @Prop() erasedAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<ApplicationStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type JobApplicationDocument = HydratedDocument<JobApplication>;
export const JobApplicationSchema = SchemaFactory.createForClass(JobApplication);
carryEffects(JobApplicationSchema);

// One application per number, whatever happens to the counter.
JobApplicationSchema.index({ applicationId: 1 }, { unique: true });
// POST /api/careers/applications: one active application per posting and address, even when two arrive at once.
JobApplicationSchema.index({ activeKey: 1 }, { unique: true });
// GET /api/careers/applications/user/:userId, and the erasure of a deleted user: newest first.
JobApplicationSchema.index({ 'applicant.userId': 1, createdAt: -1, _id: -1 });
// GET /api/careers/applications/email/:email, the follow-up link request and the erasure by address: newest first.
JobApplicationSchema.index({ 'applicant.email': 1, createdAt: -1, _id: -1 });
// GET /api/careers/applications (pipeline) and its export without filters, and the submitted-date range: newest first.
JobApplicationSchema.index({ createdAt: -1, _id: -1 });
// GET /api/careers/applications?postingId=: one posting's pipeline.
JobApplicationSchema.index({ 'position.postingId': 1, createdAt: -1, _id: -1 });
// GET /api/careers/applications?status=: one stage.
JobApplicationSchema.index({ status: 1, createdAt: -1, _id: -1 });
// GET /api/careers/applications?reviewerId=: one reviewer's applications.
JobApplicationSchema.index({ reviewerId: 1, createdAt: -1, _id: -1 });
