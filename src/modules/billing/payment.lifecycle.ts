import { defineLifecycle, type Trigger } from '../../core/lifecycle/index.js';

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

/** Staff correct the books by hand; the provider (`system`: its events, its answers) reports what happened. */
const BOOKS: readonly Trigger[] = ['staff', 'system'];

/**
 * Every allowed move of a transaction. The payer only confirms (pending → processing: the payment goes
 * to the provider); what follows is the provider's word or a staff correction. A staff move the table
 * forbids is 409; a provider event that would move a payment backwards (a late `processing` after
 * `succeeded`) is recorded and changes nothing.
 */
export const paymentLifecycle = defineLifecycle<PaymentStatus>({
  resource: 'payment',
  states: PAYMENT_STATUSES,
  initial: 'pending',
  moves: [
    { from: 'pending', to: 'processing', by: ['owner', ...BOOKS] },
    // The embedded provider settles a confirmed payment at once.
    { from: 'pending', to: 'succeeded', by: BOOKS },
    { from: 'pending', to: 'failed', by: BOOKS },
    { from: 'pending', to: 'canceled', by: BOOKS },
    { from: 'processing', to: 'succeeded', by: BOOKS },
    { from: 'processing', to: 'failed', by: BOOKS },
    { from: 'processing', to: 'canceled', by: BOOKS },
    { from: 'succeeded', to: 'partially_refunded', by: BOOKS },
    { from: 'succeeded', to: 'refunded', by: BOOKS },
    { from: 'succeeded', to: 'disputed', by: BOOKS },
    { from: 'partially_refunded', to: 'refunded', by: BOOKS },
    { from: 'partially_refunded', to: 'disputed', by: BOOKS },
    // A dispute ends won (back to where the money is) or lost (refunded to the card holder).
    { from: 'disputed', to: 'succeeded', by: BOOKS },
    { from: 'disputed', to: 'partially_refunded', by: BOOKS },
    { from: 'disputed', to: 'refunded', by: BOOKS },
  ],
});

/** Statuses in which captured money can still be refunded. */
export const REFUNDABLE: readonly PaymentStatus[] = ['succeeded', 'partially_refunded'];
