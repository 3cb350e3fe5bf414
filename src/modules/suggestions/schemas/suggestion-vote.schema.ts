import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import type { VoteDirection } from '../suggestion-fields.js';

/**
 * One user's vote on one suggestion: the source of truth for who voted what. The counters on the
 * suggestion follow from these documents and are recounted from them when they drift.
 */
@Schema({ collection: 'suggestionvotes', timestamps: true })
export class SuggestionVote {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) suggestionId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: ['up', 'down'], required: true }) direction: VoteDirection;
  createdAt: Date;
  updatedAt: Date;
}

export type SuggestionVoteDocument = HydratedDocument<SuggestionVote>;
export const SuggestionVoteSchema = SchemaFactory.createForClass(SuggestionVote);

// POST /api/suggestions/:suggestionId/vote: one vote per user and suggestion, even when two arrive at once.
SuggestionVoteSchema.index({ suggestionId: 1, userId: 1 }, { unique: true });
// GET /api/suggestions (the caller's own votes on a page) and the erasure of a deleted user's votes.
SuggestionVoteSchema.index({ userId: 1, suggestionId: 1 });
// The recount: a suggestion's votes of one direction.
SuggestionVoteSchema.index({ suggestionId: 1, direction: 1 });
