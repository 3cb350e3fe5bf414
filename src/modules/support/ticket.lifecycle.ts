import { defineLifecycle } from '../../core/lifecycle/index.js';

export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the desk still owes work; the SLA clock and `overdue` count only these. */
export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_on_customer'];

/**
 * Staff work a ticket through the desk; the system moves it when a message says so (a staff reply
 * picks up an open ticket, a customer reply answers a waiting one); the requester may reopen a
 * resolved ticket inside the reopen window (checked by the service). Closed is final.
 */
export const ticketLifecycle = defineLifecycle<TicketStatus>({
  resource: 'ticket',
  states: TICKET_STATUSES,
  initial: 'open',
  moves: [
    { from: 'open', to: 'in_progress', by: ['staff', 'system'] },
    { from: 'open', to: 'waiting_on_customer', by: ['staff'] },
    { from: 'open', to: 'resolved', by: ['staff'] },
    { from: 'open', to: 'closed', by: ['staff'] },
    { from: 'in_progress', to: 'waiting_on_customer', by: ['staff'] },
    { from: 'in_progress', to: 'resolved', by: ['staff'] },
    { from: 'in_progress', to: 'closed', by: ['staff'] },
    { from: 'waiting_on_customer', to: 'in_progress', by: ['staff', 'system'] },
    { from: 'waiting_on_customer', to: 'resolved', by: ['staff'] },
    { from: 'waiting_on_customer', to: 'closed', by: ['staff'] },
    { from: 'resolved', to: 'open', by: ['owner'] },
    { from: 'resolved', to: 'in_progress', by: ['staff'] },
    { from: 'resolved', to: 'closed', by: ['staff'] },
  ],
});
