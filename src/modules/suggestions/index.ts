/** The public surface of suggestions: the module, its services' types and the events it publishes. */
export { SuggestionsModule } from './suggestions.module.js';
export type { SuggestionsService } from './suggestions.service.js';
export type { VotesService } from './votes.service.js';
export type { SuggestionCommentedEvent, SuggestionStatusChangedEvent } from './suggestions.events.js';
export { SUGGESTIONS_NOTIFICATION_TYPES } from './suggestions.notification-types.js';
