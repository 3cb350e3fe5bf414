import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what on the feedback board. The board is public: anyone reads visible suggestions;
 * a hidden one exists only for its author and staff. On a suggestion, its author is the owner.
 */
export const SUGGESTIONS_PERMISSIONS = {
  'suggestion.create': ['signed-in'],
  'suggestion.browse': ['public'],
  'suggestion.read': ['public'],
  /** Hidden suggestions and comments: their author and the moderators. */
  'suggestion.read-hidden': ['owner', 'staff'],
  'suggestion.vote': ['signed-in'],
  'suggestion.comment': ['signed-in'],
  'suggestion.transition': ['staff'],
  'suggestion.implementation': ['staff'],
  'suggestion.moderate': ['staff'],
  'suggestion.desk': ['staff'],
  /** Recounting votes and erasing a deleted user's part: the system only (no rule grants it to a caller). */
  'suggestion.maintain': [],
} as const satisfies PermissionTable;

export type SuggestionsPermission = keyof typeof SUGGESTIONS_PERMISSIONS;
