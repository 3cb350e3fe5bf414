import { Injectable, NotFoundException } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { AuditTrail } from '../audit/index.js';
import type { ModerationDto } from './dto/suggestion-input.dto.js';
import type { SuggestionCommentDto } from './dto/suggestion.dto.js';
import type { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import { SuggestionAccess } from './suggestion-access.js';
import { toCommentDto } from './suggestion.mapper.js';
import { SuggestionsPeople } from './suggestions-people.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { clip } from '../../core/text-length.js';

const EXCERPT_CHARS = 280;

/**
 * Comments: signed-in members comment on visible suggestions; the author hears of each comment by
 * someone else (one notification per comment, keyed by its id). commentCount counts visible comments.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly access: SuggestionAccess,
    private readonly suggestions: SuggestionsRepository,
    private readonly comments: CommentsRepository,
    private readonly people: SuggestionsPeople,
    private readonly relay: EffectsRelay,
    private readonly trail: AuditTrail,
  ) {}

  async add(ctx: RequestContext, id: string, body: string): Promise<SuggestionCommentDto> {
    this.policy.require(ctx, 'suggestion.comment');
    const actor = actorOf(ctx);
    const suggestion = await this.access.load(ctx, id, 'suggestion.read');
    const authorName = await this.people.publicName(actor.id);
    const comment = await this.comments.insert(
      {
        suggestionId: suggestion._id,
        authorId: new Types.ObjectId(actor.id),
        authorName,
        fromStaff: actor.role === 'staff' || actor.role === 'admin',
        body,
      },
      (commentId) => this.owe(suggestion, actor.id, commentId, authorName, body),
    );
    await this.suggestions.addToCommentCount(suggestion._id, 1);
    return toCommentDto(comment, this.access.seesHidden(ctx, suggestion));
  }

  /** Moderation of one comment: a hidden comment leaves the public thread and its count. */
  async moderate(ctx: RequestContext, id: string, commentId: string, input: ModerationDto): Promise<SuggestionCommentDto> {
    this.policy.require(ctx, 'suggestion.moderate');
    const suggestion = await this.suggestions.mustFind(id);
    const changed = await this.comments.setHidden(suggestion._id, new Types.ObjectId(commentId), input.hidden, input.reason);
    if (changed) {
      await this.suggestions.addToCommentCount(suggestion._id, input.hidden ? -1 : 1);
      await this.trail.record(ctx, {
        action: input.hidden ? 'suggestion-comment.hidden' : 'suggestion-comment.shown',
        targetType: 'suggestion-comment',
        targetId: commentId,
        before: { hidden: !input.hidden },
        after: { hidden: input.hidden, reason: input.reason, suggestionId: id },
      });
      return toCommentDto(changed, true);
    }
    const current = await this.comments.findOn(suggestion._id, new Types.ObjectId(commentId));
    if (!current) throw new NotFoundException('No such comment.');
    return toCommentDto(current, true);
  }

  private owe(
    suggestion: CommunitySuggestion,
    commenterId: string,
    commentId: string,
    commenterName: string,
    body: string,
  ): EffectRequest[] {
    if (!suggestion.authorId || suggestion.authorId.toString() === commenterId) return [];
    return this.relay.owe(
      'suggestions.commented',
      {
        suggestionId: suggestion._id.toString(),
        suggestionNumber: suggestion.suggestionId,
        suggestionTitle: suggestion.title,
        suggestionAuthorId: suggestion.authorId.toString(),
        commentId,
        commenterName,
        commentExcerpt: clip(body, EXCERPT_CHARS),
      },
      `suggestion-comment:${commentId}`,
    );
  }
}
