/** The public surface of careers: the module, its services' types and the events it publishes. */
export { CareersModule } from './careers.module.js';
export type { ApplicationsService } from './applications.service.js';
export type { PostingsService } from './postings.service.js';
export type { ApplicantRecipient, ApplicationStatusChangedEvent, InterviewScheduledEvent, OfferMadeEvent } from './careers.events.js';
export { APPLICATION_STATUSES, type ApplicationStatus } from './application.lifecycle.js';
export { CAREERS_NOTIFICATION_TYPES } from './careers.notification-types.js';
