import type { TicketStatus } from './ticket.lifecycle.js';

// Payloads are type aliases, not interfaces: object types are what the relay's stored Record<string, unknown>
// payloads convert to, and field names stay unique across the catalogue so no two payloads disagree on a field's type.

/** Who hears about a ticket: a user, or only an address (tickets opened from the contact form by a non-member). */
export type TicketRecipient = {
  recipientId?: string;
  recipientEmail?: string;
};

type TicketRef = {
  ticketId: string;
  ticketNumber: string;
  subject: string;
};

/** A reply the other side should read: staff → requester, requester → assignee. */
export type TicketRepliedEvent = TicketRef &
  TicketRecipient & {
    messageId: string;
    authorRole: 'customer' | 'staff';
    authorName: string;
    /** The reply's start, for the notification and the email. */
    excerpt: string;
  };

/** Staff moved the requester's ticket (resolved, waiting on them, closed…). */
export type TicketStatusChangedEvent = TicketRef &
  TicketRecipient & {
    /** The ticket's new status. */
    ticketStatus: TicketStatus;
    reason?: string;
    resolutionSummary?: string;
  };

export type TicketAssignedEvent = TicketRef & { assigneeId: string };

export const CONSULTATION_CHANGES = ['confirmed', 'rescheduled', 'completed', 'canceled'] as const;
export type ConsultationChange = (typeof CONSULTATION_CHANGES)[number];

/** The requester's consultation was confirmed, moved, completed or canceled by staff. */
export type ConsultationChangedEvent = {
  consultationId: string;
  requesterId: string;
  change: ConsultationChange;
  consultationType: string;
  /** ISO 8601, UTC; shown in `timezone`. */
  scheduledAt: string;
  timezone: string;
  meetingUrl?: string;
  reason?: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'support.ticket-replied': TicketRepliedEvent;
    'support.ticket-status-changed': TicketStatusChangedEvent;
    'support.ticket-assigned': TicketAssignedEvent;
    'support.consultation-changed': ConsultationChangedEvent;
  }
}
