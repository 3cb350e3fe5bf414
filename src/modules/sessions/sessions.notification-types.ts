/**
 * The notifications learning sessions send: booked, cancelled, rescheduled, reminders and the request for
 * feedback after a session. One type, so a user switches all session notices per channel at once.
 */
export const SESSIONS_NOTIFICATION_TYPES = {
  'learning-session': {},
};

/** The templates the notices use; notifications requires them at boot, so a missing one stops the start. */
export const SESSION_TEMPLATE_NAMES = {
  booked: 'learning-session-booked',
  cancelled: 'learning-session-cancelled',
  rescheduled: 'learning-session-rescheduled',
  reminder: 'learning-session-reminder',
  completed: 'learning-session-completed',
} as const;
