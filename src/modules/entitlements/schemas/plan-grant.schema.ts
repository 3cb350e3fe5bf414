import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { SUBJECT_TYPES, type SubjectType } from './usage-counter.schema.js';

/**
 * What one subscription grants its tenant or user, as billing last reported it. A subject's plan is
 * derived from all its grants, so a late or repeated report and a second subscription cannot leave
 * the wrong plan: `revision` only moves forward.
 */
@Schema({ collection: 'plangrants', timestamps: true })
export class PlanGrant {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 40 }) subscriptionId: string;
  @Prop({ type: String, enum: SUBJECT_TYPES, required: true }) subjectType: SubjectType;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) subjectId: Types.ObjectId;
  @Prop({ required: true, maxlength: 50 }) planKey: string;
  @Prop({ required: true, maxlength: 30 }) subscriptionStatus: string;
  /** Billing's count of changes applied to the subscription when it reported this one. */
  @Prop({ required: true, min: 0 }) revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PlanGrantSchema = SchemaFactory.createForClass(PlanGrant);

// subscription.changed: one grant per subscription, replaced only by a newer revision.
PlanGrantSchema.index({ subscriptionId: 1 }, { unique: true });
// Deriving a subject's plan from all its grants.
PlanGrantSchema.index({ subjectType: 1, subjectId: 1 });
