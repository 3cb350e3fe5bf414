import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { MAX_COMMENT_LENGTH, MAX_REASON_LENGTH } from '../suggestion-fields.js';

/** A comment on a suggestion; it carries the notification it owes the suggestion's author, written with it. */
@Schema({ collection: 'suggestioncomments', timestamps: true })
export class SuggestionComment {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) suggestionId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) authorId: Types.ObjectId;
  @Prop({ required: true, maxlength: 200 }) authorName: string;
  /** Whether a staff member wrote it, so the board can mark the team's answers. */
  @Prop({ default: false }) fromStaff: boolean;
  @Prop({ required: true, maxlength: MAX_COMMENT_LENGTH }) body: string;
  @Prop({ default: false }) hidden: boolean;
  @Prop({ maxlength: MAX_REASON_LENGTH }) hiddenReason?: string;
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type SuggestionCommentDocument = HydratedDocument<SuggestionComment>;
export const SuggestionCommentSchema = SchemaFactory.createForClass(SuggestionComment);
carryEffects(SuggestionCommentSchema);

// GET /api/suggestions/:suggestionId: the latest visible comments.
SuggestionCommentSchema.index({ suggestionId: 1, hidden: 1, createdAt: -1, _id: -1 });
// The erasure of a deleted user's comments.
SuggestionCommentSchema.index({ authorId: 1 });
