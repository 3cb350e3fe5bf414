import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { ProblemException } from '../../core/http/problem.js';
import type { SuggestionSummaryDto } from './dto/suggestion.dto.js';
import { SuggestionAccess } from './suggestion-access.js';
import { VOTABLE_STATUSES } from './suggestion.lifecycle.js';
import { toSuggestionSummaryDto } from './suggestion.mapper.js';
import { voteDelta, type VoteChoice } from './suggestion-fields.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { VotesRepository } from './votes.repository.js';

const RECOUNT_BATCH = 200;

/**
 * Votes: the vote document is the truth, the counters follow by `$inc` of exactly what each write
 * changed. A crash between the two writes leaves the counters off by that one vote until the recount
 * (`suggestions.recount`, nightly, and after an account's votes are erased) sets them from the votes.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly access: SuggestionAccess,
    private readonly suggestions: SuggestionsRepository,
    private readonly votes: VotesRepository,
  ) {}

  async vote(ctx: RequestContext, id: string, choice: VoteChoice): Promise<SuggestionSummaryDto> {
    this.policy.require(ctx, 'suggestion.vote');
    const actor = actorOf(ctx);
    const suggestion = await this.access.load(ctx, id, 'suggestion.read');
    if (!VOTABLE_STATUSES.includes(suggestion.status))
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'voting-closed',
        'Voting closed',
        `A suggestion that is ${suggestion.status} takes no more votes; its count is final.`,
      );
    const before = await this.votes.record(suggestion._id, new Types.ObjectId(actor.id), choice);
    await this.suggestions.applyVote(suggestion._id, voteDelta(before, choice === 'none' ? undefined : choice));
    const updated = await this.suggestions.mustFind(suggestion._id);
    return toSuggestionSummaryDto(updated, {
      myVote: choice,
      seesHidden: this.access.seesHidden(ctx, updated),
      staff: this.access.isStaff(ctx),
    });
  }

  /** Sets one suggestion's counters from its votes; answers whether they had drifted. */
  async recount(ctx: RequestContext, id: Types.ObjectId): Promise<boolean> {
    this.policy.require(ctx, 'suggestion.maintain');
    const { up, down } = await this.votes.count(id);
    return this.suggestions.setVotes(id, up, down);
  }

  /** Every suggestion, in batches; answers how many counters had drifted. */
  async recountAll(ctx: RequestContext): Promise<number> {
    this.policy.require(ctx, 'suggestion.maintain');
    let corrected = 0;
    let after: Types.ObjectId | undefined;
    for (;;) {
      const ids = await this.suggestions.idsAfter(after, RECOUNT_BATCH);
      for (const id of ids) if (await this.recount(ctx, id)) corrected++;
      if (ids.length < RECOUNT_BATCH) return corrected;
      after = ids.at(-1);
    }
  }
}
