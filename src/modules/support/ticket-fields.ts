/** What a ticket is about; the queue filters and reports by it. */
export const TICKET_CATEGORIES = [
  'billing',
  'technical',
  'account',
  'ai-lab',
  'agents',
  'community',
  'careers',
  'partnership',
  'other',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Who wrote a message: the requester's side or the desk. */
export const AUTHOR_ROLES = ['customer', 'staff'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** Bounds that keep one ticket document well under MongoDB's document size. */
export const MAX_MESSAGES_PER_TICKET = 500;
export const MAX_NOTES_PER_TICKET = 200;
export const MAX_ATTACHMENTS = 10;
export const MAX_URL_LENGTH = 2048;

/** `TKT-2026-000123`: the year of creation and a per-year counter. */
export const formatTicketNumber = (year: number, sequence: number): string => `TKT-${year}-${String(sequence).padStart(6, '0')}`;

/** The name of the per-year ticket counter in `counters`. */
export const ticketCounterName = (year: number): string => `supporttickets:${year}`;
