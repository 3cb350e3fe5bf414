/** The support desk's public surface: the module, its services' types and the events it publishes. */
export { SupportModule } from './support.module.js';
export type { TicketsService } from './tickets.service.js';
export type { ConsultationsService } from './consultations.service.js';
export {
  CONSULTATION_CHANGES,
  type ConsultationChange,
  type ConsultationChangedEvent,
  type TicketAssignedEvent,
  type TicketRecipient,
  type TicketRepliedEvent,
  type TicketStatusChangedEvent,
} from './support.events.js';
export { SUPPORT_NOTIFICATION_TYPES } from './support.notification-types.js';
