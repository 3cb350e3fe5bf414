/** Billing's public surface: the module, its services' types and the events it publishes. */
export { BillingModule } from './billing.module.js';
export type { PaymentsService } from './payments.service.js';
export type { SubscriptionsService } from './subscriptions.service.js';
export type { PaymentEvent, PaymentRefundedEvent, SubscriptionChangedEvent } from './billing.events.js';
export { PAYMENT_STATUSES, type PaymentStatus } from './payment.lifecycle.js';
export { BILLING_NOTIFICATION_TYPES } from './billing.notification-types.js';
