export const REFUND_REQUEST_STATUSES = ['requested', 'approved', 'processed', 'rejected'] as const;
export type RefundRequestStatus = (typeof REFUND_REQUEST_STATUSES)[number];

/** Staff review a request; an approved one is processed (the refund is made) or, if that fails, rejected. */
export const REFUND_REQUEST_TRANSITIONS: Record<RefundRequestStatus, readonly RefundRequestStatus[]> = {
  requested: ['approved', 'rejected'],
  approved: ['processed', 'rejected'],
  processed: [],
  rejected: [],
};

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'service_not_provided', 'other'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
