import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { findPage, type PageRequest } from '../../core/database/find-page.js';
import { insertLean } from '../../core/database/insert-lean.js';
import { Sequences } from '../../core/database/sequences.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import {
  auditEntry,
  transition,
  type TransitionOrigin,
  type TransitionRequest,
  type TransitionResult,
} from '../../core/lifecycle/index.js';
import { CommunitySuggestion, type SuggestionImplementation } from './schemas/community-suggestion.schema.js';
import { suggestionLifecycle, type SuggestionStatus } from './suggestion.lifecycle.js';
import { formatSuggestionNumber, SUGGESTION_COUNTER, type SuggestionCategory } from './suggestion-fields.js';

export interface NewSuggestion {
  authorId: Types.ObjectId;
  authorName: string;
  title: string;
  description: string;
  category: SuggestionCategory;
  tags: string[];
}

/**
 * The one writer of `communitysuggestions`: counters move by `$inc` only (never read, changed and
 * written back), status moves by the lifecycle's compare-and-set with the effects they owe.
 */
@Injectable()
export class SuggestionsRepository {
  constructor(
    @InjectModel(CommunitySuggestion.name) readonly model: Model<CommunitySuggestion>,
    private readonly sequences: Sequences,
    private readonly relay: EffectsRelay,
  ) {}

  /** A new suggestion, numbered from the board's counter (one atomic increment each). */
  async insert(suggestion: NewSuggestion, origin: TransitionOrigin): Promise<CommunitySuggestion> {
    const now = new Date();
    const initial = suggestionLifecycle.table.initial;
    return insertLean(this.model, {
      ...suggestion,
      suggestionId: formatSuggestionNumber(await this.sequences.next(SUGGESTION_COUNTER)),
      status: initial,
      votes: { up: 0, down: 0 },
      score: 0,
      commentCount: 0,
      hidden: false,
      audit: [auditEntry(null, initial, origin, now)],
      createdAt: now,
    });
  }

  findById(id: string | Types.ObjectId): Promise<CommunitySuggestion | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<CommunitySuggestion>();
  }

  async mustFind(id: string | Types.ObjectId): Promise<CommunitySuggestion> {
    const suggestion = await this.findById(id);
    if (!suggestion) throw new NotFoundException('No such suggestion.');
    return suggestion;
  }

  page<D>(
    filter: QueryFilter<CommunitySuggestion>,
    request: PageRequest,
    toDto: (suggestion: CommunitySuggestion) => D,
    sort: Record<string, 1 | -1>,
  ): Promise<Page<D>> {
    return findPage(this.model, filter, request, toDto, sort);
  }

  /** Moves the status through the lifecycle: compare-and-set, audited, with its owed effects, then delivered. */
  async move(request: TransitionRequest<SuggestionStatus>): Promise<TransitionResult<CommunitySuggestion>> {
    const result = await transition(this.model, suggestionLifecycle, request);
    if (result.moved) await this.relay.deliver(this.model, result.document);
    return result;
  }

  /** Applies what one vote changed; the score moves in the same update as the counters. */
  async applyVote(id: Types.ObjectId, delta: { up: number; down: number }): Promise<void> {
    if (delta.up === 0 && delta.down === 0) return;
    await this.model.updateOne({ _id: id }, { $inc: { 'votes.up': delta.up, 'votes.down': delta.down, score: delta.up - delta.down } });
  }

  /** The counters as the votes say they are (the recount). Answers whether they had drifted. */
  async setVotes(id: Types.ObjectId, up: number, down: number): Promise<boolean> {
    const { modifiedCount } = await this.model.updateOne(
      {
        _id: id,
        $or: [{ 'votes.up': trusted({ $ne: up }) }, { 'votes.down': trusted({ $ne: down }) }, { score: trusted({ $ne: up - down }) }],
      } as QueryFilter<CommunitySuggestion>,
      { $set: { 'votes.up': up, 'votes.down': down, score: up - down } },
    );
    return modifiedCount > 0;
  }

  async addToCommentCount(id: Types.ObjectId, by: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $inc: { commentCount: by } });
  }

  async setCommentCount(id: Types.ObjectId, count: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { commentCount: count } });
  }

  async setImplementation(id: Types.ObjectId, fields: SuggestionImplementation): Promise<CommunitySuggestion> {
    const set = Object.fromEntries(
      Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([field, value]) => [`implementation.${field}`, value]),
    );
    const updated = await this.model.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<CommunitySuggestion>();
    if (!updated) throw new NotFoundException('No such suggestion.');
    return updated;
  }

  async moderate(id: Types.ObjectId, hidden: boolean, reason: string | undefined): Promise<CommunitySuggestion> {
    const update = hidden
      ? { $set: { hidden, ...(reason ? { hiddenReason: reason } : {}) } }
      : { $set: { hidden }, $unset: { hiddenReason: 1 } };
    const updated = await this.model.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' }).lean<CommunitySuggestion>();
    if (!updated) throw new NotFoundException('No such suggestion.');
    return updated;
  }

  /** A deleted account's suggestions stay on the board (others voted and commented on them), without their author. */
  async anonymizeAuthor(authorId: Types.ObjectId, placeholder: string): Promise<number> {
    const { modifiedCount } = await this.model.updateMany({ authorId }, { $unset: { authorId: 1 }, $set: { authorName: placeholder } });
    return modifiedCount;
  }

  /** Ids of every suggestion after `after`, in id order, for the recount's batches. */
  async idsAfter(after: Types.ObjectId | undefined, limit: number): Promise<Types.ObjectId[]> {
    const filter = (after ? { _id: trusted({ $gt: after }) } : {}) as QueryFilter<CommunitySuggestion>;
    const found = await this.model.find(filter, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean<{ _id: Types.ObjectId }[]>();
    return found.map((suggestion) => suggestion._id);
  }
}
