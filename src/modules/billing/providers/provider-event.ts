import type { SubscriptionStatus } from '../schemas/subscription.schema.js';

/** What billing reacts to, in its own words; every other provider event is `other` (acknowledged and recorded). */
export const PROVIDER_EVENT_TYPES = [
  'payment.processing',
  'payment.succeeded',
  'payment.failed',
  'payment.canceled',
  'charge.refunded',
  'dispute.opened',
  'dispute.closed',
  'invoice.paid',
  'invoice.payment-failed',
  'subscription.changed',
  'other',
] as const;
export type ProviderEventType = (typeof PROVIDER_EVENT_TYPES)[number];

export type ProviderSubscriptionState = {
  id: string;
  status: SubscriptionStatus;
  periodStart?: Date;
  periodEnd?: Date;
  cancelAtPeriodEnd?: boolean;
};

export type ProviderInvoice = {
  id: string;
  /** The provider's subscription the invoice bills, when it bills one. */
  subscriptionId?: string;
  /** Minor units. */
  amountPaid: number;
};

/** A verified provider event, read into billing's terms by the adapter that received it. */
export type ProviderEvent = {
  /** The provider's event id: one event is processed once. */
  id: string;
  type: ProviderEventType;
  /** The provider's own name for it (`payment_intent.succeeded`), as recorded. */
  providerType: string;
  /** The provider's time of the event; subscription changes apply only in its order. */
  createdAt: Date;
  /** The provider's object, as recorded with the event. */
  object: Record<string, unknown>;
  paymentIntentId?: string;
  failureReason?: string;
  /** charge.refunded: the total refunded so far, in minor units. */
  amountRefunded?: number;
  /** dispute.closed: whether the card holder won it. */
  disputeLost?: boolean;
  subscription?: ProviderSubscriptionState;
  invoice?: ProviderInvoice;
};
