import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { fitsLength } from '../../../core/text-length.js';
import { SEARCH_WEIGHTS } from '../search-terms.js';

/** What staff may set; `removed` is the short-lived tombstone of a deleted skill that still owes its removal's effects. */
export const SKILL_STATUSES = ['draft', 'active', 'archived'] as const;
export type SkillStatus = (typeof SKILL_STATUSES)[number];
export type StoredSkillStatus = SkillStatus | 'removed';

export const RELATIONSHIP_TYPES = ['complementary', 'alternative', 'builds-on', 'specialization', 'tooling'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RESOURCE_TYPES = ['article', 'video', 'course', 'book', 'documentation', 'exercise'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const LIMITS = {
  name: 120,
  slug: 140,
  description: 5000,
  label: 64,
  tags: 20,
  keywords: 20,
  prerequisites: 20,
  relatedSkills: 30,
  industries: 20,
  tools: 30,
  learningResources: 20,
  resourceTitle: 200,
  searchTerms: 300,
} as const;

@Schema({ _id: false })
export class SkillStats {
  @Prop({ default: 0, min: 0 }) totalLearners: number;
  @Prop({ default: 0, min: 0 }) totalTeachers: number;
  /** Mean session rating, 1–5; 0 before the first rating (ratingCount 0). */
  @Prop({ default: 0, min: 0, max: 5 }) avgRating: number;
  @Prop({ default: 0, min: 0 }) ratingCount: number;
  @Prop({ default: 0, min: 0 }) completedSessions: number;
  /** 1 = most learners (ties by rating); recomputed by the ranking job, last place when created. */
  @Prop({ default: 0, min: 0 }) popularityRank: number;
  /** When learning counted the holders we keep: an older count is ignored. */
  @Prop() holdersCountedAt?: Date;
  /** When sessions computed the standing we keep: an older one is ignored. */
  @Prop() standingAt?: Date;
  /** Learners and ratings at the previous ranking run, from which the trending score measures growth. */
  @Prop({ default: 0 }) learnersAtLastRank: number;
  @Prop({ default: 0 }) ratingsAtLastRank: number;
}

@Schema({ _id: false })
export class RelatedSkill {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) skill: Types.ObjectId;
  @Prop({ type: String, enum: RELATIONSHIP_TYPES, required: true }) relationshipType: RelationshipType;
  @Prop({ required: true, min: 1, max: 10 }) strength: number;
}

@Schema({ _id: false })
export class LearningResource {
  @Prop({ required: true, maxlength: LIMITS.resourceTitle }) title: string;
  @Prop({ required: true, maxlength: 2048 }) url: string;
  @Prop({ type: String, enum: RESOURCE_TYPES, required: true }) type: ResourceType;
}

@Schema({ _id: false })
export class SkillMetadata {
  /** Hours a learner typically needs. */
  @Prop({ min: 0, max: 10_000 }) estimatedLearningTime?: number;
  @Prop({ type: [String], default: [] }) industries: string[];
  @Prop({ type: [String], default: [] }) tools: string[];
  @Prop({ type: [SchemaFactory.createForClass(LearningResource)], default: [] }) learningResources: LearningResource[];
}

@Schema({ _id: false })
export class SkillVerification {
  @Prop({ default: false }) isVerified: boolean;
  @Prop({ type: SchemaTypes.ObjectId }) verifiedBy?: Types.ObjectId;
  @Prop() verifiedAt?: Date;
}

/** One stemmed word of the skill's text with the weight of the fields it appears in (the fallback search's index). */
@Schema({ _id: false })
export class SearchTerm {
  @Prop({ required: true, maxlength: 64 }) term: string;
  @Prop({ required: true, min: 1 }) weight: number;
}

@Schema({ collection: 'skills', timestamps: true })
export class Skill {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: LIMITS.name }) name: string;
  @Prop({ required: true, maxlength: LIMITS.slug }) slug: string;
  @Prop({ maxlength: LIMITS.description, default: '' }) description: string;
  @Prop({ required: true, maxlength: LIMITS.label }) category: string;
  @Prop({ maxlength: LIMITS.label }) subcategory?: string;
  @Prop({ required: true, min: 1, max: 10 }) difficulty: number;
  @Prop({ type: [String], default: [] }) tags: string[];
  @Prop({ type: [String], default: [] }) keywords: string[];
  @Prop({ type: SchemaFactory.createForClass(SkillStats), default: () => ({}) }) stats: SkillStats;
  @Prop({ type: [SchemaFactory.createForClass(RelatedSkill)], default: [] }) relatedSkills: RelatedSkill[];
  @Prop({ type: [SchemaTypes.ObjectId], default: [] }) prerequisites: Types.ObjectId[];
  @Prop({ type: SchemaFactory.createForClass(SkillMetadata), default: () => ({}) }) metadata: SkillMetadata;
  @Prop({ type: SchemaFactory.createForClass(SkillVerification), default: () => ({}) }) verification: SkillVerification;
  @Prop({ type: String, enum: [...SKILL_STATUSES, 'removed'], default: 'draft' }) status: StoredSkillStatus;
  /** Recent growth in learners and ratings, fading by half each ranking run. */
  @Prop({ default: 0, min: 0 }) trendingScore: number;
  /** How much employers ask for the skill, 0–100, set by staff. */
  @Prop({ default: 0, min: 0, max: 100 }) industryDemand: number;
  @Prop({ type: [SchemaFactory.createForClass(SearchTerm)], default: [] }) searchTerms: SearchTerm[];
  @Prop() removedAt?: Date;
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type SkillDocument = HydratedDocument<Skill>;
export const SkillSchema = SchemaFactory.createForClass(Skill);
carryEffects(SkillSchema);

/** A bounded list of bounded labels; mongoose checks every write, whichever service makes it. */
const boundedList = (field: string, max: number, each = LIMITS.label) =>
  SkillSchema.path(field).validate(
    (values: unknown[]) => values.length <= max && values.every((value) => typeof value === 'string' && fitsLength(value, each)),
    `${field} holds at most ${max} entries of at most ${each} characters`,
  );
boundedList('tags', LIMITS.tags);
boundedList('keywords', LIMITS.keywords);
boundedList('metadata.industries', LIMITS.industries);
boundedList('metadata.tools', LIMITS.tools);
SkillSchema.path('prerequisites').validate((values: unknown[]) => values.length <= LIMITS.prerequisites, 'too many prerequisites');
SkillSchema.path('relatedSkills').validate((values: unknown[]) => values.length <= LIMITS.relatedSkills, 'too many related skills');
SkillSchema.path('metadata.learningResources').validate(
  (values: unknown[]) => values.length <= LIMITS.learningResources,
  'too many learning resources',
);
SkillSchema.path('searchTerms').validate((values: unknown[]) => values.length <= LIMITS.searchTerms, 'too many search terms');

// GET /api/skills/search on MongoDB: $text ranked by textScore. The weights are the fallback's (SEARCH_WEIGHTS), so both
// servers rank alike. default_language is set on purpose: the catalogue is written in English, and English stemming is
// what lets "tests" find "Testing"; naming it keeps a server or driver default from changing what matches, and
// language_override points at a field skills never have, so no document can switch its own stemming.
SkillSchema.index(
  { name: 'text', description: 'text', tags: 'text', keywords: 'text' },
  { name: 'skills_text', weights: { ...SEARCH_WEIGHTS }, default_language: 'english', language_override: 'textSearchLanguage' },
);
// GET /api/skills/search on a server without $text: the query's stems against each skill's stored stems.
SkillSchema.index({ 'searchTerms.term': 1 });
// Slugs name skills in links; unique so a second skill cannot take one (409).
SkillSchema.index({ slug: 1 }, { unique: true });
// GET /api/skills?category=&subcategory= and GET /api/skills/categories/:category (its subcategory counts).
SkillSchema.index({ category: 1, subcategory: 1 });
// GET /api/skills?sort=popularity for staff without a status filter.
SkillSchema.index({ 'stats.popularityRank': 1 });
// GET /api/skills?minDifficulty=&maxDifficulty= and the difficulty distribution of GET /api/skills/statistics.
SkillSchema.index({ difficulty: 1 });
// GET /api/skills?verified=
SkillSchema.index({ 'verification.isVerified': 1 });
// GET /api/skills?status= for staff, the ranking job's scan of live skills and its purge of tombstones.
SkillSchema.index({ status: 1 });
// GET /api/skills (what everyone sees: active skills, most popular first), the default list.
SkillSchema.index({ status: 1, 'stats.popularityRank': 1 });
// GET /api/skills/popular: active skills by learners, then rating.
SkillSchema.index({ status: 1, 'stats.totalLearners': -1, 'stats.avgRating': -1 });
// DELETE /api/skills/:id: the skills that still require it.
SkillSchema.index({ prerequisites: 1 });
// A removal's follow-up: the skills that list the removed one as related.
SkillSchema.index({ 'relatedSkills.skill': 1 });
