import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { PaymentStatus } from '../payment.lifecycle.js';
import type { CreatedIntent, CreatedSubscription, MethodFacts, PaymentProvider, SubscriptionRequest } from './payment-provider.js';
import type { ProviderEvent } from './provider-event.js';
import { parseStripeWebhook } from './stripe-events.js';

/**
 * A v4 UUID's hex digits (122 random bits; the version digit is always 4), from randomUUID, which draws on a
 * buffered CSPRNG: a mock's ids need to be unique, not secret. A synchronous randomBytes() call is a
 * crypto job of its own: the two an intent took cost 20 µs of CPU per intent under load, against 4 µs now.
 */
const randomHex = () => randomUUID().replaceAll('-', '');
const id = (prefix: string) => `${prefix}_mock_${randomHex().slice(0, 24)}`;

/** One billing cycle on from `start`, in UTC calendar terms. */
export function periodEnd(start: Date, interval: 'month' | 'year'): Date {
  const end = new Date(start);
  if (interval === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

/**
 * The embedded adapter when no Stripe key is set: every payment that is confirmed succeeds at once and
 * a subscription's first period is charged in the same call, so `npm start` runs the whole lifecycle
 * offline. Its webhook speaks Stripe's wire format, signed with STRIPE_WEBHOOK_SECRET and checked by
 * the SDK's offline signature helper (no API key, no network), so tests and the Stripe CLI can drive it.
 */
export class MockPaymentProvider implements PaymentProvider {
  readonly name = 'mock' as const;

  constructor(private readonly webhookSecret: string) {}

  async createIntent(): Promise<CreatedIntent> {
    const intent = id('pi');
    return { id: intent, clientSecret: `${intent}_secret_${randomHex()}`, status: 'pending' };
  }

  async confirmIntent(): Promise<PaymentStatus> {
    return 'succeeded';
  }

  async refund(): Promise<{ id: string; status: 'succeeded' }> {
    return { id: id('re'), status: 'succeeded' };
  }

  async describeMethod(providerMethodId: string): Promise<MethodFacts | undefined> {
    // Stripe's test method names (pm_card_visa, pm_card_mastercard, …) describe themselves.
    const brand = /^pm_card_([a-z]+)/.exec(providerMethodId)?.[1];
    return brand ? { type: 'card', brand, last4: '4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3 } : undefined;
  }

  async createSubscription(input: SubscriptionRequest): Promise<CreatedSubscription> {
    const start = new Date();
    return {
      id: id('sub'),
      customerId: id('cus'),
      status: 'active',
      periodStart: start,
      periodEnd: periodEnd(start, input.interval),
      paidInvoice: { id: id('in'), amountPaid: input.amount },
    };
  }

  async setCancelAtPeriodEnd(): Promise<void> {}

  parseWebhook(rawBody: Buffer | undefined, signature: string | undefined): ProviderEvent {
    return parseStripeWebhook(Stripe.webhooks, this.webhookSecret, rawBody, signature);
  }
}
