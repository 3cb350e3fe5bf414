/** The public surface of learning sessions: the module and the events it publishes. */
export { SessionsModule } from './sessions.module.js';
export type { SessionReminderEvent, SkillStandingEvent, TeacherStandingEvent } from './sessions.events.js';
export { SESSION_TEMPLATE_NAMES, SESSIONS_NOTIFICATION_TYPES } from './sessions.notification-types.js';
export type {
  SessionBookedEvent,
  SessionCancelledEvent,
  SessionCompletedEvent,
  SessionNotice,
  SessionRescheduledEvent,
} from './session-notices.events.js';
