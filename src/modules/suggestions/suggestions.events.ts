import type { SuggestionStatus } from './suggestion.lifecycle.js';

// Payloads are type aliases (what the relay's stored payloads convert to), with field names unique across the catalogue.

type SuggestionRef = {
  suggestionId: string;
  suggestionNumber: string;
  suggestionTitle: string;
  /** Who submitted the suggestion: the one told. */
  suggestionAuthorId: string;
};

/** Staff moved the author's suggestion (under review, planned, shipped, declined…). */
export type SuggestionStatusChangedEvent = SuggestionRef & {
  suggestionStatus: SuggestionStatus;
  statusReason?: string;
};

/** Someone else commented on the author's suggestion. */
export type SuggestionCommentedEvent = SuggestionRef & {
  commentId: string;
  commenterName: string;
  /** The comment's start, for the notification. */
  commentExcerpt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'suggestions.status-changed': SuggestionStatusChangedEvent;
    'suggestions.commented': SuggestionCommentedEvent;
  }
}
