/** The public surface of webinars: the module, its services' types and the events it publishes. */
export { WebinarsModule } from './webinars.module.js';
export type { RegistrationsService } from './registrations.service.js';
export type { WebinarsService } from './webinars.service.js';
export {
  REMINDER_KINDS,
  type ReminderKind,
  type WebinarCanceledEvent,
  type WebinarNotice,
  type WebinarPromotedEvent,
  type WebinarReminderEvent,
} from './webinars.events.js';
export { WEBINARS_NOTIFICATION_TYPES } from './webinars.notification-types.js';
