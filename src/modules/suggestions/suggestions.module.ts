import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityModule } from '../identity/index.js';
import { BoardSearch } from './board-search.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { RecountJob } from './jobs/recount.job.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { CommunitySuggestion, CommunitySuggestionSchema } from './schemas/community-suggestion.schema.js';
import { SuggestionComment, SuggestionCommentSchema } from './schemas/suggestion-comment.schema.js';
import { SuggestionVote, SuggestionVoteSchema } from './schemas/suggestion-vote.schema.js';
import { SuggestionAccess } from './suggestion-access.js';
import { SuggestionDeskController } from './suggestion-desk.controller.js';
import { SuggestionDeskService } from './suggestion-desk.service.js';
import { SuggestionsConfig } from './suggestions.config.js';
import { SuggestionsController } from './suggestions.controller.js';
import { SUGGESTIONS_PERMISSIONS } from './suggestions.permissions.js';
import { SuggestionsPeople } from './suggestions-people.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { SuggestionsService } from './suggestions.service.js';
import { VotesRepository } from './votes.repository.js';
import { VotesService } from './votes.service.js';

/** The product-feedback board: suggestions, votes, comments and their status. */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: CommunitySuggestion.name, schema: CommunitySuggestionSchema },
      { name: SuggestionVote.name, schema: SuggestionVoteSchema },
      { name: SuggestionComment.name, schema: SuggestionCommentSchema },
    ]),
  ],
  // The desk controller first: its static GET /suggestions/desk is declared before the board's /:suggestionId.
  controllers: [SuggestionDeskController, SuggestionsController],
  providers: [
    configSectionProvider(SuggestionsConfig),
    SuggestionsRepository,
    VotesRepository,
    CommentsRepository,
    SuggestionAccess,
    SuggestionsPeople,
    BoardSearch,
    SuggestionsService,
    VotesService,
    CommentsService,
    SuggestionDeskService,
    RecountJob,
    IdentityListeners,
  ],
  exports: [SuggestionsService, VotesService],
})
export class SuggestionsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly suggestions: SuggestionsRepository,
    private readonly comments: CommentsRepository,
  ) {}

  onModuleInit(): void {
    this.policy.register(SUGGESTIONS_PERMISSIONS);
    // The relay's sweep retries what a status change or a comment owes and could not deliver at once.
    this.relay.carry(this.suggestions.model);
    this.relay.carry(this.comments.model);
  }
}
