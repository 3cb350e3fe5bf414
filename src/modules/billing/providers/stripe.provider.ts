import type Stripe from 'stripe';
import type { PaymentStatus } from '../payment.lifecycle.js';
import { METHOD_TYPES, type MethodType } from '../schemas/payment-method.schema.js';
import {
  ProviderError,
  type CreatedIntent,
  type CreatedSubscription,
  type MethodFacts,
  type PaymentProvider,
  type SubscriptionRequest,
} from './payment-provider.js';
import type { ProviderEvent } from './provider-event.js';
import { parseStripeWebhook } from './stripe-events.js';
import { periodOf, statusOfIntent, statusOfSubscription } from './stripe-objects.js';

/** The vendor adapter: Stripe through its official SDK. */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  parseWebhook(rawBody: Buffer | undefined, signature: string | undefined): ProviderEvent {
    return parseStripeWebhook(this.stripe.webhooks, this.webhookSecret, rawBody, signature);
  }

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
    const now = new Date();
    const period = periodOf(subscription) ?? { start: now, end: now };
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
