import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { SKILL_LEVELS, type SkillLevel } from '../learning.types.js';

export const MAX_TEACHING_SKILLS = 50;
export const MAX_LEARNING_SKILLS = 50;
export const MAX_SLOTS = 50;

@Schema({ _id: false })
export class HourlyRate {
  /** Minor units of the currency. */
  @Prop({ required: true, min: 0, max: 100_000_000 }) amount: number;
  @Prop({ required: true, maxlength: 3 }) currency: string;
}

@Schema({ _id: false })
export class TeachingVerification {
  @Prop({ default: false }) isVerified: boolean;
  @Prop({ type: Types.ObjectId }) verifiedBy?: Types.ObjectId;
  @Prop() verifiedAt?: Date;
}

@Schema({ _id: false })
export class TeachingSkill {
  @Prop({ type: Types.ObjectId, required: true }) skill: Types.ObjectId;
  @Prop({ type: String, enum: SKILL_LEVELS, required: true }) level: SkillLevel;
  @Prop({ type: SchemaFactory.createForClass(HourlyRate) }) hourlyRate?: HourlyRate;
  @Prop({ min: 0, max: 80 }) yearsOfExperience?: number;
  @Prop({ type: SchemaFactory.createForClass(TeachingVerification), default: () => ({ isVerified: false }) })
  verification: TeachingVerification;
}

@Schema({ _id: false })
export class LearningSkill {
  @Prop({ type: Types.ObjectId, required: true }) skill: Types.ObjectId;
  @Prop({ type: String, enum: SKILL_LEVELS }) currentLevel?: SkillLevel;
  @Prop({ type: String, enum: SKILL_LEVELS, required: true }) goalLevel: SkillLevel;
  @Prop() targetDate?: Date;
}

@Schema({ _id: false })
export class Slot {
  @Prop({ required: true, min: 0, max: 6 }) day: number;
  @Prop({ required: true, maxlength: 5 }) start: string;
  @Prop({ required: true, maxlength: 5 }) end: string;
}

@Schema({ _id: false })
export class Availability {
  @Prop({ required: true, maxlength: 64 }) timezone: string;
  @Prop({ type: [SchemaFactory.createForClass(Slot)], default: [] }) slots: Slot[];
}

/** A teacher's standing as the sessions context last computed it; `standingAt` orders the updates. */
@Schema({ _id: false })
export class TeachingStanding {
  @Prop({ type: Number, default: null }) rating: number | null;
  @Prop({ default: 0 }) ratingCount: number;
  @Prop({ default: 0 }) sessionsTaught: number;
  @Prop() standingAt?: Date;
}

@Schema({ collection: 'learnerprofiles', timestamps: true })
export class LearnerProfile {
  _id: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: [SchemaFactory.createForClass(TeachingSkill)], default: [] }) teachingSkills: TeachingSkill[];
  @Prop({ type: [SchemaFactory.createForClass(LearningSkill)], default: [] }) learningSkills: LearningSkill[];
  @Prop({ type: SchemaFactory.createForClass(Availability) }) availability?: Availability;
  @Prop({ type: SchemaFactory.createForClass(TeachingStanding), default: () => ({}) }) standing: TeachingStanding;
  /** When the teaching list last changed: the verification queue serves the longest waiting first. */
  @Prop() teachingChangedAt?: Date;
  /** Bumped by every change of the skill lists: writes compare-and-set on it, and event keys carry it. */
  @Prop({ default: 0 }) revision: number;
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type LearnerProfileDocument = HydratedDocument<LearnerProfile>;
export const LearnerProfileSchema = SchemaFactory.createForClass(LearnerProfile);
carryEffects(LearnerProfileSchema);

// One profile per user: GET /api/users/:id/skills, the PUTs' upsert, TeacherDirectory and the listeners' writes.
LearnerProfileSchema.index({ userId: 1 }, { unique: true });
// GET /api/matching/teachers?skillId=: a skill's teachers, best rated first (the bounded candidate pool);
// also the teacher counts of learning.skill-holders.
LearnerProfileSchema.index({ 'teachingSkills.skill': 1, 'standing.rating': -1, _id: 1 });
// GET /api/matching/learners?skillId= and the learner counts of learning.skill-holders.
LearnerProfileSchema.index({ 'learningSkills.skill': 1, _id: 1 });
// GET /api/learning/verifications: profiles with an unverified teaching skill, longest waiting first.
LearnerProfileSchema.index({ 'teachingSkills.verification.isVerified': 1, teachingChangedAt: 1, _id: 1 });
// GET /api/learning/leaderboards/teachers?by=rating: best rating first (the minimum ratingCount filters along it).
LearnerProfileSchema.index({ 'standing.rating': -1, 'standing.ratingCount': -1, _id: 1 });
// GET /api/learning/leaderboards/teachers?by=sessions: most sessions taught first.
LearnerProfileSchema.index({ 'standing.sessionsTaught': -1, _id: 1 });
