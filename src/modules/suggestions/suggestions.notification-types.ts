/** The notifications the board's events become: a status change of the author's suggestion, and a comment on it. */
export const SUGGESTIONS_NOTIFICATION_TYPES = {
  'suggestion-status': {},
  'suggestion-comment': {},
};
