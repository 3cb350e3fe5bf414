import { Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { compact, within } from '../../core/database/find-page.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import type { BoardQueryDto } from './dto/board-query.dto.js';
import type { CreateSuggestionDto } from './dto/suggestion-input.dto.js';
import type { SuggestionDto, SuggestionSummaryDto } from './dto/suggestion.dto.js';
import { BOARD_ORDER, trendingSince } from './board-order.js';
import { BoardSearch } from './board-search.js';
import { CommentsRepository } from './comments.repository.js';
import type { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import { SuggestionAccess } from './suggestion-access.js';
import { toSuggestionDto, toSuggestionSummaryDto } from './suggestion.mapper.js';
import { originOf } from '../../core/lifecycle/index.js';
import { SuggestionsConfig } from './suggestions.config.js';
import { SuggestionsPeople } from './suggestions-people.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { VotesRepository } from './votes.repository.js';

/** The public board: submitting, browsing, one suggestion with its latest comments, a member's suggestions. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly access: SuggestionAccess,
    private readonly suggestions: SuggestionsRepository,
    private readonly votes: VotesRepository,
    private readonly comments: CommentsRepository,
    private readonly search: BoardSearch,
    private readonly people: SuggestionsPeople,
    private readonly config: SuggestionsConfig,
  ) {}

  async create(ctx: RequestContext, input: CreateSuggestionDto): Promise<SuggestionDto> {
    this.policy.require(ctx, 'suggestion.create');
    const actor = actorOf(ctx);
    const suggestion = await this.suggestions.insert(
      {
        authorId: new Types.ObjectId(actor.id),
        authorName: await this.people.publicName(actor.id),
        title: input.title,
        description: input.description,
        category: input.category,
        tags: [...new Set(input.tags ?? [])],
      },
      originOf(ctx, 'owner'),
    );
    return toSuggestionDto(suggestion, [], { myVote: 'none', seesHidden: true, staff: this.access.isStaff(ctx) });
  }

  /** The board: visible suggestions, filtered and ordered; each says the caller's own vote when they are signed in. */
  async list(ctx: RequestContext, query: BoardQueryDto): Promise<Page<SuggestionSummaryDto>> {
    this.policy.require(ctx, 'suggestion.browse');
    const filter = await this.boardFilter(query, false);
    return this.pageWithVotes(ctx, filter, query, BOARD_ORDER[query.sort]);
  }

  async get(ctx: RequestContext, id: string): Promise<SuggestionDto> {
    const suggestion = await this.access.load(ctx, id, 'suggestion.read');
    const staff = this.access.isStaff(ctx);
    const [comments, mine] = await Promise.all([
      this.comments.latest(suggestion._id, this.config.SUGGESTIONS_DETAIL_COMMENTS, staff),
      ctx.actor ? this.votes.directionsOf(ctx.actor.id, [suggestion._id]) : undefined,
    ]);
    const myVote = mine ? (mine.get(suggestion._id.toString()) ?? 'none') : undefined;
    return toSuggestionDto(suggestion, comments, { myVote, seesHidden: this.access.seesHidden(ctx, suggestion), staff });
  }

  /**
   * A member's suggestions, newest first. Public like the board itself (each suggestion already names
   * its author there); the member and staff also see the ones moderation hid.
   */
  async listForUser(ctx: RequestContext, userId: string, query: PageQueryDto): Promise<Page<SuggestionSummaryDto>> {
    this.policy.require(ctx, 'suggestion.browse');
    const authorId = new Types.ObjectId(userId);
    const withHidden = this.access.seesHidden(ctx, { authorId });
    const filter = (withHidden ? { authorId } : { authorId, hidden: false }) as QueryFilter<CommunitySuggestion>;
    return this.pageWithVotes(ctx, filter, query, { createdAt: -1 });
  }

  /** The board's filters; `hidden` undefined means both (the moderators' list). */
  async boardFilter(query: BoardQueryDto, hidden: boolean | undefined): Promise<QueryFilter<CommunitySuggestion>> {
    const since = query.sort === 'trending' ? trendingSince(this.config.SUGGESTIONS_TRENDING_DAYS) : undefined;
    return {
      ...compact({ hidden, category: query.category, status: query.status, createdAt: within(since, undefined) }),
      ...(await this.search.filterFor(query.q)),
    } as QueryFilter<CommunitySuggestion>;
  }

  async pageWithVotes(
    ctx: RequestContext,
    filter: QueryFilter<CommunitySuggestion>,
    request: PageQueryDto,
    sort: Record<string, 1 | -1>,
  ): Promise<Page<SuggestionSummaryDto>> {
    const page = await this.suggestions.page(filter, request, (suggestion) => suggestion, sort);
    const mine = ctx.actor
      ? await this.votes.directionsOf(
          ctx.actor.id,
          page.items.map((suggestion) => suggestion._id),
        )
      : undefined;
    const staff = this.access.isStaff(ctx);
    return {
      ...page,
      items: page.items.map((suggestion) =>
        toSuggestionSummaryDto(suggestion, {
          myVote: mine ? (mine.get(suggestion._id.toString()) ?? 'none') : undefined,
          seesHidden: this.access.seesHidden(ctx, suggestion),
          staff,
        }),
      ),
    };
  }
}
