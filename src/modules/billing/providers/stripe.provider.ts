import Stripe from 'stripe';
import type { PaymentStatus } from '../payment-lifecycle.js';
import type { SubscriptionStatus } from '../schemas/subscription.schema.js';
import { METHOD_TYPES, type MethodType } from '../schemas/payment-method.schema.js';
import {
  ProviderError,
  type CreatedIntent,
  type CreatedSubscription,
  type MethodFacts,
  type PaymentProvider,
  type SubscriptionRequest,
} from './payment-provider.js';

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

/** Period of a Stripe subscription: on the item in current API versions, on the subscription in older ones. */
export function periodOf(subscription: Stripe.Subscription): { start: Date; end: Date } {
  const items = subscription.items?.data;
  const item = (Array.isArray(items) ? items[0] : undefined) as
    (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
  const legacy = subscription as unknown as { current_period_start?: number; current_period_end?: number };
  // Only numbers count: anything else in a payload falls back rather than becoming an invalid date.
  const seconds = (...values: unknown[]) =>
    values.find((value): value is number => typeof value === 'number' && Number.isSafeInteger(value));
  const start = seconds(item?.current_period_start, legacy.current_period_start) ?? Math.floor(Date.now() / 1000);
  const end = seconds(item?.current_period_end, legacy.current_period_end) ?? start;
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  constructor(private readonly stripe: Stripe) {}

  async createIntent(input: { amount: number; currency: string; transactionId: string; idempotencyKey: string }): Promise<CreatedIntent> {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        { amount: input.amount, currency: input.currency.toLowerCase(), metadata: { transactionId: input.transactionId } },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { id: intent.id, clientSecret: intent.client_secret ?? undefined, status: statusOfIntent(intent.status) };
  }

  async confirmIntent(intentId: string, paymentMethod: string | undefined, idempotencyKey: string): Promise<PaymentStatus> {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.confirm(intentId, paymentMethod ? { payment_method: paymentMethod } : {}, { idempotencyKey }),
    );
    // After a confirmation Stripe has the payment in hand; its outcome arrives as a webhook.
    const status = statusOfIntent(intent.status);
    return status === 'pending' ? 'processing' : status;
  }

  async refund(input: {
    intentId: string;
    amount: number;
    idempotencyKey: string;
  }): Promise<{ id: string; status: 'succeeded' | 'pending' | 'failed' }> {
    const refund = await this.call(() =>
      this.stripe.refunds.create({ payment_intent: input.intentId, amount: input.amount }, { idempotencyKey: input.idempotencyKey }),
    );
    const status =
      refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending';
    return { id: refund.id, status };
  }

  async describeMethod(providerMethodId: string): Promise<MethodFacts | undefined> {
    const method = await this.call(() => this.stripe.paymentMethods.retrieve(providerMethodId));
    const type = (METHOD_TYPES as readonly string[]).includes(method.type) ? (method.type as MethodType) : 'card';
    return { type, brand: method.card?.brand, last4: method.card?.last4, expMonth: method.card?.exp_month, expYear: method.card?.exp_year };
  }

  async createSubscription(input: SubscriptionRequest): Promise<CreatedSubscription> {
    const customer = await this.call(() =>
      this.stripe.customers.create({ email: input.email }, { idempotencyKey: `${input.idempotencyKey}:customer` }),
    );
    const subscription = await this.call(() =>
      this.stripe.subscriptions.create(
        {
          customer: customer.id,
          items: [
            {
              price_data: {
                currency: input.currency.toLowerCase(),
                product: input.planKey,
                unit_amount: input.amount,
                recurring: { interval: input.interval },
              },
            },
          ],
          metadata: { plan: input.planKey },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    const period = periodOf(subscription);
    return {
      id: subscription.id,
      customerId: customer.id,
      status: statusOfSubscription(subscription.status),
      periodStart: period.start,
      periodEnd: period.end,
    };
  }

  async setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean): Promise<void> {
    await this.call(() => this.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }));
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw new ProviderError(error instanceof Error ? error.message : String(error));
    }
  }
}
