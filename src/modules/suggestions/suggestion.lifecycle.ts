import { defineLifecycle } from '../../core/lifecycle/index.js';

export const SUGGESTION_STATUSES = ['submitted', 'under_review', 'planned', 'in_progress', 'implemented', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Statuses in which the board still takes votes; a decided suggestion keeps its final count. */
export const VOTABLE_STATUSES: readonly SuggestionStatus[] = ['submitted', 'under_review', 'planned', 'in_progress'];

/** From these on, the staff's implementation notes are public: the team has committed to the work. */
export const COMMITTED_STATUSES: readonly SuggestionStatus[] = ['planned', 'in_progress', 'implemented'];

/**
 * Staff walk a suggestion forward one step at a time and may decline it at any step before it ships.
 * No move goes back, so each status is entered at most once and names its own notification.
 */
export const suggestionLifecycle = defineLifecycle<SuggestionStatus>({
  resource: 'suggestion',
  states: SUGGESTION_STATUSES,
  initial: 'submitted',
  moves: [
    { from: 'submitted', to: 'under_review', by: ['staff'] },
    { from: 'submitted', to: 'declined', by: ['staff'] },
    { from: 'under_review', to: 'planned', by: ['staff'] },
    { from: 'under_review', to: 'declined', by: ['staff'] },
    { from: 'planned', to: 'in_progress', by: ['staff'] },
    { from: 'planned', to: 'declined', by: ['staff'] },
    { from: 'in_progress', to: 'implemented', by: ['staff'] },
    { from: 'in_progress', to: 'declined', by: ['staff'] },
  ],
});
