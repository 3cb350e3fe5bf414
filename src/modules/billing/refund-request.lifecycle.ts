import { defineLifecycle } from '../../core/lifecycle/index.js';

export const REFUND_REQUEST_STATUSES = ['requested', 'approved', 'processed', 'rejected'] as const;
export type RefundRequestStatus = (typeof REFUND_REQUEST_STATUSES)[number];

/**
 * Staff review a request once. An approved one is processed when the refund is made, or rejected
 * (by the system) when the payment can no longer be refunded; staff may also reject an approved
 * request whose refund the provider failed, so none is left hanging.
 */
export const refundRequestLifecycle = defineLifecycle<RefundRequestStatus>({
  resource: 'refund request',
  states: REFUND_REQUEST_STATUSES,
  initial: 'requested',
  moves: [
    { from: 'requested', to: 'approved', by: ['staff'] },
    { from: 'requested', to: 'rejected', by: ['staff'] },
    { from: 'approved', to: 'processed', by: ['system'] },
    { from: 'approved', to: 'rejected', by: ['staff', 'system'] },
  ],
});

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'service_not_provided', 'other'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
