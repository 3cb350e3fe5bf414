import type Stripe from 'stripe';
import type { PaymentStatus } from '../payment.lifecycle.js';
import type { SubscriptionStatus } from '../schemas/subscription.schema.js';

/** Stripe's intent statuses in our lifecycle; the requires_* states wait for the customer or a webhook. */
export function statusOfIntent(status: Stripe.PaymentIntent.Status): PaymentStatus {
  switch (status) {
    case 'succeeded':
      return 'succeeded';
    case 'canceled':
      return 'canceled';
    case 'processing':
    case 'requires_action':
    case 'requires_capture':
      return 'processing';
    default:
      return 'pending';
  }
}

const SUBSCRIPTION_STATUS: Record<string, SubscriptionStatus> = {
  incomplete: 'incomplete',
  incomplete_expired: 'canceled',
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  unpaid: 'unpaid',
  canceled: 'canceled',
  paused: 'past_due',
};
export const statusOfSubscription = (status: string): SubscriptionStatus => SUBSCRIPTION_STATUS[status] ?? 'incomplete';

/**
 * Period of a Stripe subscription: on the item in current API versions, on the subscription in older
 * ones; undefined when neither says (then the period known here stays as it is).
 */
export function periodOf(subscription: Stripe.Subscription): { start: Date; end: Date } | undefined {
  const items = subscription.items?.data;
  const item = (Array.isArray(items) ? items[0] : undefined) as
    (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
  const legacy = subscription as unknown as { current_period_start?: number; current_period_end?: number };
  // Only numbers count: anything else in a payload is ignored rather than becoming an invalid date.
  const seconds = (...values: unknown[]) =>
    values.find((value): value is number => typeof value === 'number' && Number.isSafeInteger(value));
  const start = seconds(item?.current_period_start, legacy.current_period_start);
  if (start === undefined) return undefined;
  const end = seconds(item?.current_period_end, legacy.current_period_end) ?? start;
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

export const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

/** The subscription of an invoice, where current and older API versions put it. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | undefined {
  const legacy = invoice as unknown as { subscription?: string | { id: string } | null };
  const parent = (invoice as unknown as { parent?: { subscription_details?: { subscription?: string | { id: string } } } }).parent;
  return idOf(legacy.subscription ?? parent?.subscription_details?.subscription ?? null);
}
