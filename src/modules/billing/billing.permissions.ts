import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with money. Payments, invoices, refund requests, subscriptions and payment methods
 * are owned by their payer; on a user's list or summary, the owner is that user. Services ask these
 * on their first line: someone else's resource is 404, an action the role may not take 403.
 */
export const BILLING_PERMISSIONS = {
  'payment.create': ['signed-in'],
  /** Recording a payment in another user's name. */
  'payment.create-for-user': ['staff'],
  'payment.read': ['owner', 'staff'],
  'payment.list': ['owner', 'staff'],
  'payment.confirm': ['owner', 'staff'],
  'payment.refund': ['staff'],
  'payment.change-status': ['staff'],
  'payment.statistics': ['staff'],
  'billing.summary': ['owner', 'staff'],
  /** Provider events, after their signature was verified: the system only. */
  'billing.apply-provider-event': [],
  'invoice.read': ['owner', 'staff'],
  'invoice.list': ['signed-in'],
  /** The owed invoice of a succeeded payment: the system only. */
  'invoice.issue': [],
  'refund-request.create': ['owner', 'staff'],
  'refund-request.list': ['signed-in'],
  'refund-request.queue': ['staff'],
  'refund-request.review': ['staff'],
  'subscription.create': ['signed-in'],
  'subscription.list': ['signed-in'],
  /** Paying for a tenant's plan, and seeing what the tenant pays for. */
  'subscription.create-for-tenant': [{ tenantRoles: ['owner', 'admin'] }],
  'subscription.list-for-tenant': [{ tenantRoles: ['owner', 'admin'] }, 'staff'],
  'subscription.read': ['owner', 'staff'],
  'subscription.cancel': ['owner', 'staff'],
  'payment-method.list': ['signed-in'],
  'payment-method.add': ['signed-in'],
  'payment-method.manage': ['owner', 'staff'],
} as const satisfies PermissionTable;

export type BillingPermission = keyof typeof BILLING_PERMISSIONS;
