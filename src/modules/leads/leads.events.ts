export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost', 'do_not_call'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/** A lead changed: created, edited, moved in its lifecycle, imported or contacted by a call. */
export type LeadUpdatedEvent = {
  tenantId: string;
  leadId: string;
  leadStatus: LeadStatus;
  /** The fields that changed, by name (`status`, `phone`, `lastContactedAt`…); `created` for a new lead. */
  leadChanges: string[];
  /** ISO 8601. */
  leadUpdatedAt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'lead.updated': LeadUpdatedEvent;
  }
}
