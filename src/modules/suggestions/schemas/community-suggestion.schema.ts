import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { SUGGESTION_STATUSES, type SuggestionStatus } from '../suggestion.lifecycle.js';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_REASON_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  SUGGESTION_CATEGORIES,
  type SuggestionCategory,
} from '../suggestion-fields.js';

/** The counters the board ranks by; the votes collection is their source of truth. */
@Schema({ _id: false })
export class SuggestionVotes {
  @Prop({ default: 0 }) up: number;
  @Prop({ default: 0 }) down: number;
}
export const SuggestionVotesSchema = SchemaFactory.createForClass(SuggestionVotes);

/** What the team says about the work: public once the suggestion is planned, staff-only before. */
@Schema({ _id: false })
export class SuggestionImplementation {
  @Prop({ maxlength: 5000 }) notes?: string;
  @Prop({ maxlength: 64 }) targetRelease?: string;
  @Prop({ maxlength: MAX_URL_LENGTH }) link?: string;
  @Prop({ type: SchemaTypes.ObjectId }) updatedBy?: Types.ObjectId;
  @Prop() updatedAt?: Date;
}
export const SuggestionImplementationSchema = SchemaFactory.createForClass(SuggestionImplementation);

@Schema({ collection: 'communitysuggestions', timestamps: true })
export class CommunitySuggestion {
  _id: Types.ObjectId;
  /** `SUG-000123`, from the board's counter. */
  @Prop({ required: true, maxlength: 32 }) suggestionId: string;
  /** Absent once the author's account was deleted (the suggestion stays: others voted and commented on it). */
  @Prop({ type: SchemaTypes.ObjectId }) authorId?: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) authorName: string;
  @Prop({ required: true, maxlength: MAX_TITLE_LENGTH }) title: string;
  @Prop({ required: true, maxlength: MAX_DESCRIPTION_LENGTH }) description: string;
  @Prop({ type: String, enum: SUGGESTION_CATEGORIES, required: true }) category: SuggestionCategory;
  @Prop({ type: [{ type: String, maxlength: MAX_TAG_LENGTH }], default: [] }) tags: string[];
  @Prop({ type: String, enum: SUGGESTION_STATUSES, default: 'submitted' }) status: SuggestionStatus;
  /** Why staff made the last move (a decline's reason), shown with the status. */
  @Prop({ maxlength: MAX_REASON_LENGTH }) statusReason?: string;
  @Prop({ type: SuggestionVotesSchema, default: () => ({ up: 0, down: 0 }) }) votes: SuggestionVotes;
  /** up − down, moved by the same `$inc` as the counters so the board can sort on one indexed field. */
  @Prop({ default: 0 }) score: number;
  /**
   * Comments live in `suggestioncomments`: a popular suggestion's thread has no natural bound, and an
   * embedded array would grow the document every board read loads. The count is kept here for the lists.
   */
  @Prop({ default: 0 }) commentCount: number;
  @Prop({ type: SuggestionImplementationSchema }) implementation?: SuggestionImplementation;
  /** Hidden by moderation: off the board, visible only to its author and staff. */
  @Prop({ default: false }) hidden: boolean;
  @Prop({ maxlength: MAX_REASON_LENGTH }) hiddenReason?: string;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<SuggestionStatus>[];
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type CommunitySuggestionDocument = HydratedDocument<CommunitySuggestion>;
export const CommunitySuggestionSchema = SchemaFactory.createForClass(CommunitySuggestion);
carryEffects(CommunitySuggestionSchema);

// One suggestion per board number, whatever happens to the counter.
CommunitySuggestionSchema.index({ suggestionId: 1 }, { unique: true });
// GET /api/suggestions?sort=score (the default), and sort=trending (createdAt range after the sort): visible, by score, newest first.
CommunitySuggestionSchema.index({ hidden: 1, score: -1, createdAt: -1, _id: -1 });
// GET /api/suggestions?sort=new: visible, newest first.
CommunitySuggestionSchema.index({ hidden: 1, createdAt: -1, _id: -1 });
// GET /api/suggestions?sort=top: visible, most up votes first.
CommunitySuggestionSchema.index({ hidden: 1, 'votes.up': -1, createdAt: -1, _id: -1 });
// GET /api/suggestions?category=: visible in one category, by score.
CommunitySuggestionSchema.index({ hidden: 1, category: 1, score: -1, createdAt: -1, _id: -1 });
// GET /api/suggestions?status= and GET /api/suggestions/desk?status=: one status, by score.
CommunitySuggestionSchema.index({ status: 1, hidden: 1, score: -1, createdAt: -1, _id: -1 });
// GET /api/suggestions/user/:userId: an author's suggestions, newest first.
CommunitySuggestionSchema.index({ authorId: 1, createdAt: -1, _id: -1 });
// GET /api/suggestions?q= where the server has full-text search; elsewhere q is a title prefix.
CommunitySuggestionSchema.index({ title: 'text', description: 'text' }, { weights: { title: 5, description: 1 }, name: 'board_text' });
