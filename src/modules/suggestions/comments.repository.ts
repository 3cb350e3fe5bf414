import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { insertLean } from '../../core/database/insert-lean.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import { SuggestionComment } from './schemas/suggestion-comment.schema.js';

export type NewComment = Pick<SuggestionComment, 'suggestionId' | 'authorId' | 'authorName' | 'fromStaff' | 'body'>;

/** The one writer of `suggestioncomments`; a comment and the notification it owes are one insert. */
@Injectable()
export class CommentsRepository {
  constructor(
    @InjectModel(SuggestionComment.name) readonly model: Model<SuggestionComment>,
    private readonly relay: EffectsRelay,
  ) {}

  async insert(comment: NewComment, effects: (commentId: string) => EffectRequest[]): Promise<SuggestionComment> {
    const _id = new Types.ObjectId();
    const now = new Date();
    const inserted = await insertLean(this.model, {
      _id,
      ...comment,
      hidden: false,
      effects: owedEffects(effects(_id.toString()), now),
      createdAt: now,
    });
    await this.relay.deliver(this.model, inserted);
    return inserted;
  }

  /** The latest comments, newest first; hidden ones only for those who may see them. */
  latest(suggestionId: Types.ObjectId, limit: number, withHidden: boolean): Promise<SuggestionComment[]> {
    const filter = (withHidden ? { suggestionId } : { suggestionId, hidden: false }) as QueryFilter<SuggestionComment>;
    return this.model.find(filter, { effects: 0 }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<SuggestionComment[]>();
  }

  /** Hides or shows a comment; answers the comment when its flag changed, null when it was already so (or is not on this suggestion). */
  setHidden(suggestionId: Types.ObjectId, commentId: Types.ObjectId, hidden: boolean, reason?: string): Promise<SuggestionComment | null> {
    const update = hidden
      ? { $set: { hidden, ...(reason ? { hiddenReason: reason } : {}) } }
      : { $set: { hidden }, $unset: { hiddenReason: 1 } };
    return this.model
      .findOneAndUpdate({ _id: commentId, suggestionId, hidden: !hidden }, update, { returnDocument: 'after', projection: { effects: 0 } })
      .lean<SuggestionComment>();
  }

  findOn(suggestionId: Types.ObjectId, commentId: Types.ObjectId): Promise<SuggestionComment | null> {
    return this.model.findOne({ _id: commentId, suggestionId }, { effects: 0 }).lean<SuggestionComment>();
  }

  countVisible(suggestionId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ suggestionId, hidden: false });
  }

  /** Removes a deleted user's comments; answers the suggestions they were on, so their counts can be set again. */
  async eraseAuthor(authorId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const comments = await this.model.find({ authorId }, { suggestionId: 1 }).lean<SuggestionComment[]>();
    await this.model.deleteMany({ authorId });
    return [...new Map(comments.map((comment) => [comment.suggestionId.toString(), comment.suggestionId])).values()];
  }
}
