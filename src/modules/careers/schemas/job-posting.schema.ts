import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { EMPLOYMENT_TYPES, POSTING_STATES, type EmploymentType, type PostingState } from '../careers-fields.js';

/** A job opening applicants apply to. */
@Schema({ collection: 'jobpostings', timestamps: true })
export class JobPosting {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) position: string;
  @Prop({ required: true, maxlength: 100 }) department: string;
  @Prop({ required: true, maxlength: 200 }) location: string;
  @Prop({ type: String, enum: EMPLOYMENT_TYPES, required: true }) employmentType: EmploymentType;
  @Prop({ required: true, maxlength: 20_000 }) description: string;
  @Prop({ type: String, enum: POSTING_STATES, default: 'open' }) state: PostingState;
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type JobPostingDocument = HydratedDocument<JobPosting>;
export const JobPostingSchema = SchemaFactory.createForClass(JobPosting);

// GET /api/careers/jobs (open postings) and the staff list by state, newest first.
JobPostingSchema.index({ state: 1, createdAt: -1, _id: -1 });
// GET /api/careers/jobs?department=: open postings of one department.
JobPostingSchema.index({ state: 1, department: 1, createdAt: -1, _id: -1 });
