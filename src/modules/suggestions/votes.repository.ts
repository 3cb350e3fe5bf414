import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { SuggestionVote } from './schemas/suggestion-vote.schema.js';
import type { VoteChoice, VoteDirection } from './suggestion-fields.js';

const VOTE_KEY = ['suggestionId', 'userId'] as const;
/** Two first votes of one user at once: one insert wins, the other finds the document on its next try. */
const MAX_UPSERT_ATTEMPTS = 3;

/**
 * The one writer of `suggestionvotes`. Each write answers the vote as it was just before it, read
 * from the same atomic operation, so the delta applied to the counters is exact under any interleaving.
 */
@Injectable()
export class VotesRepository {
  constructor(@InjectModel(SuggestionVote.name) readonly model: Model<SuggestionVote>) {}

  /** Sets (or withdraws, with `none`) the user's vote; answers the direction it replaced, undefined when there was none. */
  async record(suggestionId: Types.ObjectId, userId: Types.ObjectId, choice: VoteChoice): Promise<VoteDirection | undefined> {
    const key = { suggestionId, userId };
    if (choice === 'none') return (await this.model.findOneAndDelete(key).lean<SuggestionVote>())?.direction;
    for (let attempt = 1; ; attempt++) {
      try {
        const before = await this.model
          .findOneAndUpdate(key, { $set: { direction: choice } }, { upsert: true, returnDocument: 'before' })
          .lean<SuggestionVote>();
        return before?.direction;
      } catch (error) {
        if (!isDuplicateKeyOn(error, VOTE_KEY) || attempt >= MAX_UPSERT_ATTEMPTS) throw error;
      }
    }
  }

  /** The caller's votes among these suggestions (one page of the board). */
  async directionsOf(userId: string, suggestionIds: readonly Types.ObjectId[]): Promise<Map<string, VoteDirection>> {
    if (suggestionIds.length === 0) return new Map();
    const filter = {
      userId: new Types.ObjectId(userId),
      suggestionId: trusted({ $in: [...suggestionIds] }),
    } as QueryFilter<SuggestionVote>;
    const votes = await this.model.find(filter, { suggestionId: 1, direction: 1 }).lean<SuggestionVote[]>();
    return new Map(votes.map((vote) => [vote.suggestionId.toString(), vote.direction]));
  }

  async count(suggestionId: Types.ObjectId): Promise<{ up: number; down: number }> {
    const [up, down] = await Promise.all([
      this.model.countDocuments({ suggestionId, direction: 'up' }),
      this.model.countDocuments({ suggestionId, direction: 'down' }),
    ]);
    return { up, down };
  }

  /** Removes a deleted user's votes; answers the suggestions they were on, for the recount. */
  async eraseVoter(userId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const votes = await this.model.find({ userId }, { suggestionId: 1 }).lean<SuggestionVote[]>();
    await this.model.deleteMany({ userId });
    return votes.map((vote) => vote.suggestionId);
  }
}
