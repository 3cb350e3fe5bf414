/** Identity's public surface: the module, the user directory other contexts read, and the events it publishes. */
export { IdentityModule } from './identity.module.js';
export { UserDirectory, type UserContact, type VerifiedEmail } from './user-directory.js';
export { EmailNotVerifiedProblem } from './email-verification.problems.js';
export {
  IdentityEvents,
  type UserDeactivatedEvent,
  type UserDeletedEvent,
  type UserPasswordChangedEvent,
  type UserReactivatedEvent,
  type UserRegisteredEvent,
} from './identity.events.js';
export { IDENTITY_NOTIFICATION_TYPES } from './identity.notification-types.js';
