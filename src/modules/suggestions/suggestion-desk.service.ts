import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { AuditTrail } from '../audit/index.js';
import type { DeskQueryDto } from './dto/board-query.dto.js';
import type { UpdateImplementationDto } from './dto/implementation.dto.js';
import type { ModerationDto, TransitionSuggestionDto } from './dto/suggestion-input.dto.js';
import type { SuggestionDto, SuggestionSummaryDto } from './dto/suggestion.dto.js';
import { BOARD_ORDER } from './board-order.js';
import type { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import { toSuggestionDto } from './suggestion.mapper.js';
import { originOf } from '../../core/lifecycle/index.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { SuggestionsService } from './suggestions.service.js';

const STAFF_VIEW = { seesHidden: true, staff: true } as const;

/** The team's side of the board: status moves (the author is told), implementation notes, moderation, the full list. */
@Injectable()
export class SuggestionDeskService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly suggestions: SuggestionsRepository,
    private readonly board: SuggestionsService,
    private readonly relay: EffectsRelay,
    private readonly trail: AuditTrail,
  ) {}

  /** Every suggestion, hidden ones included unless `hidden` says otherwise. */
  async list(ctx: RequestContext, query: DeskQueryDto): Promise<Page<SuggestionSummaryDto>> {
    this.policy.require(ctx, 'suggestion.desk');
    const filter = await this.board.boardFilter(query, query.hidden);
    return this.board.pageWithVotes(ctx, filter, query, BOARD_ORDER[query.sort]);
  }

  /**
   * A staff move along the lifecycle; the author is owed a notification in the same write. No move
   * goes back, so `<id>:<status>` names each move once and a repeated request notifies nobody twice.
   */
  async transition(ctx: RequestContext, id: string, input: TransitionSuggestionDto): Promise<SuggestionDto> {
    this.policy.require(ctx, 'suggestion.transition');
    const suggestion = await this.suggestions.mustFind(id);
    const effects = suggestion.authorId
      ? this.relay.owe(
          'suggestions.status-changed',
          {
            suggestionId: id,
            suggestionNumber: suggestion.suggestionId,
            suggestionTitle: suggestion.title,
            suggestionAuthorId: suggestion.authorId.toString(),
            suggestionStatus: input.to,
            statusReason: input.reason,
          },
          `suggestion-status:${id}:${input.to}`,
        )
      : [];
    const { moved, document } = await this.suggestions.move({
      id: suggestion._id,
      to: input.to,
      origin: originOf(ctx, 'staff', input.reason),
      set: { statusReason: input.reason ?? null },
      effects,
    });
    if (moved)
      await this.trail.record(ctx, {
        action: 'suggestion.transitioned',
        targetType: 'suggestion',
        targetId: id,
        before: { status: suggestion.status },
        after: { status: document.status, reason: input.reason },
      });
    return this.view(document);
  }

  async updateImplementation(ctx: RequestContext, id: string, input: UpdateImplementationDto): Promise<SuggestionDto> {
    this.policy.require(ctx, 'suggestion.implementation');
    const suggestion = await this.suggestions.mustFind(id);
    const updated = await this.suggestions.setImplementation(suggestion._id, {
      notes: input.notes,
      targetRelease: input.targetRelease,
      link: input.link,
      updatedBy: new Types.ObjectId(actorOf(ctx).id),
      updatedAt: new Date(),
    });
    // The notes' length, not their text: the log says who changed which part of the work's description.
    const was = suggestion.implementation;
    const is = updated.implementation;
    const notesEdited = (was?.notes ?? null) !== (is?.notes ?? null);
    if (notesEdited || (was?.targetRelease ?? null) !== (is?.targetRelease ?? null) || (was?.link ?? null) !== (is?.link ?? null))
      await this.trail.record(ctx, {
        action: 'suggestion.implementation-updated',
        targetType: 'suggestion',
        targetId: id,
        before: implementationOf(suggestion),
        after: { ...implementationOf(updated), notesEdited: notesEdited || undefined },
      });
    return this.view(updated);
  }

  /** Hides a suggestion from the board (its author and staff still see it), or shows it again. */
  async moderate(ctx: RequestContext, id: string, input: ModerationDto): Promise<SuggestionDto> {
    this.policy.require(ctx, 'suggestion.moderate');
    const suggestion = await this.suggestions.mustFind(id);
    const updated = await this.suggestions.moderate(suggestion._id, input.hidden, input.reason);
    // Hiding again with a new reason is a change too; asking for the state it is already in is not.
    if (suggestion.hidden !== updated.hidden || (updated.hidden && suggestion.hiddenReason !== updated.hiddenReason))
      await this.trail.record(ctx, {
        action: updated.hidden ? 'suggestion.hidden' : 'suggestion.shown',
        targetType: 'suggestion',
        targetId: id,
        before: { hidden: suggestion.hidden, reason: suggestion.hiddenReason },
        after: { hidden: updated.hidden, reason: input.reason },
      });
    return this.view(updated);
  }

  private view(suggestion: CommunitySuggestion): SuggestionDto {
    return toSuggestionDto(suggestion, [], STAFF_VIEW);
  }
}

/** What the audit log keeps of a suggestion's implementation notes. */
const implementationOf = ({ implementation }: CommunitySuggestion) => ({
  notesLength: implementation?.notes?.length ?? 0,
  targetRelease: implementation?.targetRelease ?? null,
  link: implementation?.link ?? null,
});
