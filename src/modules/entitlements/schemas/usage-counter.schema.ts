import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';

export const SUBJECT_TYPES = ['tenant', 'user'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Units of one limited feature a subject used in one period (a cap has one period that never ends). */
@Schema({ collection: 'usagecounters', timestamps: true })
export class UsageCounter {
  _id: Types.ObjectId;
  @Prop({ type: String, enum: SUBJECT_TYPES, required: true }) subjectType: SubjectType;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) subjectId: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) featureKey: string;
  /** UTC start of the period (the epoch for a cap). */
  @Prop({ required: true }) periodStart: Date;
  /** Only ever moved by a conditional $inc that keeps it within the limit. */
  @Prop({ required: true, min: 0, default: 0 }) used: number;
  /** The limit in force at the last consumption, kept for reports of past periods. */
  @Prop({ required: true, min: 0 }) limit: number;
  /** The end of the period; absent for a cap. */
  @Prop() resetsAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const UsageCounterSchema = SchemaFactory.createForClass(UsageCounter);

// Consuming (the conditional $inc) and GET .../usage: one counter per subject, feature and period.
UsageCounterSchema.index({ subjectType: 1, subjectId: 1, featureKey: 1, periodStart: 1 }, { unique: true });
// The cleanup job: counters of periods that ended before the retention cut-off.
UsageCounterSchema.index({ resetsAt: 1 }, { sparse: true });
