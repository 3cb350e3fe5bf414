import type { PaymentStatus } from './payment.lifecycle.js';
import type { SubscriptionStatus } from './schemas/subscription.schema.js';

// Payloads are type aliases, not interfaces: object types are what the relay's stored Record<string, unknown>
// payloads convert to.

/** A payment (purchase or subscription charge) that reached `status`. */
export type PaymentEvent = {
  transactionId: string;
  userId: string;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  status: PaymentStatus;
  /** The learning session the payment pays for, when the payer named one. */
  sessionId?: string;
};

/** Money given back from a payment: `amount` is this refund's, `status` the payment's after it. */
export type PaymentRefundedEvent = PaymentEvent & { refundId: string };

/** A subscription was created or the provider changed its state. */
export type SubscriptionChangedEvent = {
  subscriptionId: string;
  userId: string;
  /** The tenant it pays for; absent for a personal subscription. */
  tenantId?: string;
  /** The plan key subscribed to. */
  plan: string;
  subscriptionStatus: SubscriptionStatus;
  /** How many changes the subscription had with this one: a listener keeps only the highest it saw, whatever the delivery order. */
  revision: number;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'payment.succeeded': PaymentEvent;
    'payment.failed': PaymentEvent;
    'payment.refunded': PaymentRefundedEvent;
    'subscription.changed': SubscriptionChangedEvent;
  }
}
