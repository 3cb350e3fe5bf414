export const PAYMENT_STATUSES = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'partially_refunded',
  'refunded',
  'disputed',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * Every allowed move of a transaction. Staff changes and provider events both consult it: an illegal
 * staff change is 409; an event that would move a payment backwards (a late `processing` after
 * `succeeded`) is recorded and changes nothing.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['processing', 'succeeded', 'failed', 'canceled'],
  processing: ['succeeded', 'failed', 'canceled'],
  succeeded: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['partially_refunded', 'refunded', 'disputed'],
  // A dispute ends won (back to where the money is) or lost (refunded to the card holder).
  disputed: ['succeeded', 'partially_refunded', 'refunded'],
  failed: [],
  canceled: [],
  refunded: [],
};

export const canMove = (from: PaymentStatus, to: PaymentStatus): boolean => PAYMENT_TRANSITIONS[from].includes(to);

/** Statuses in which captured money can still be refunded. */
export const REFUNDABLE: readonly PaymentStatus[] = ['succeeded', 'partially_refunded'];
