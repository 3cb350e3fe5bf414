import { Injectable, NotFoundException } from '@nestjs/common';
import { PermissionPolicy, type Subject } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import type { SuggestionsPermission } from './suggestions.permissions.js';
import { SuggestionsRepository } from './suggestions.repository.js';

export const subjectOfSuggestion = (suggestion: Pick<CommunitySuggestion, 'authorId'>): Subject => ({ ownerId: suggestion.authorId });

/** Loads a suggestion for a caller: a hidden one exists only for its author and staff (404 for anyone else). */
@Injectable()
export class SuggestionAccess {
  constructor(
    private readonly suggestions: SuggestionsRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  async load(ctx: RequestContext, id: string, permission: SuggestionsPermission): Promise<CommunitySuggestion> {
    const suggestion = await this.suggestions.findById(id);
    this.policy.requireOn(ctx, permission, suggestion ? subjectOfSuggestion(suggestion) : {}, 'suggestion');
    if (!suggestion || (suggestion.hidden && !this.seesHidden(ctx, suggestion))) throw new NotFoundException('No such suggestion.');
    return suggestion;
  }

  seesHidden(ctx: RequestContext, suggestion: Pick<CommunitySuggestion, 'authorId'>): boolean {
    return this.policy.can(ctx, 'suggestion.read-hidden', subjectOfSuggestion(suggestion));
  }

  isStaff(ctx: RequestContext): boolean {
    return this.policy.can(ctx, 'suggestion.desk');
  }
}
