import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { MockPaymentProvider } from './mock.provider.js';
import type { PaymentProvider } from './payment-provider.js';
import { StripePaymentProvider } from './stripe.provider.js';

const SECRET = 'whsec_unit_secret_for_provider_webhooks';
const created = 1_767_225_600;

const delivery = (type: string, object: Record<string, unknown>, options: { secret?: string; timestamp?: number } = {}) => {
  const payload = JSON.stringify({ id: `evt_${type}`, object: 'event', type, created, data: { object } });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp });
  return [Buffer.from(payload), signature] as const;
};

/** Both adapters read a verified delivery into the same provider-neutral event; neither lets an unsigned one through. */
const adapters: [string, PaymentProvider][] = [
  ['the embedded adapter', new MockPaymentProvider(SECRET)],
  // Verifying a signature needs no network and no real key.
  ['the Stripe adapter', new StripePaymentProvider(new Stripe('sk_test_offline_signature_checks'), SECRET)],
];

describe.each(adapters)('%s parsing webhooks', (_, provider) => {
  it('reads payment intents, refunds and disputes in billing’s terms', () => {
    expect(provider.parseWebhook(...delivery('payment_intent.succeeded', { id: 'pi_1' }))).toMatchObject({
      id: 'evt_payment_intent.succeeded',
      type: 'payment.succeeded',
      providerType: 'payment_intent.succeeded',
      createdAt: new Date(created * 1000),
      paymentIntentId: 'pi_1',
    });
    expect(
      provider.parseWebhook(...delivery('payment_intent.payment_failed', { id: 'pi_2', last_payment_error: { message: 'card declined' } })),
    ).toMatchObject({
      type: 'payment.failed',
      paymentIntentId: 'pi_2',
      failureReason: 'card declined',
    });
    expect(
      provider.parseWebhook(...delivery('charge.refunded', { id: 'ch_1', payment_intent: { id: 'pi_3' }, amount_refunded: 400 })),
    ).toMatchObject({
      type: 'charge.refunded',
      paymentIntentId: 'pi_3',
      amountRefunded: 400,
    });
    expect(
      provider.parseWebhook(...delivery('charge.dispute.closed', { id: 'dp_1', payment_intent: 'pi_4', status: 'lost' })),
    ).toMatchObject({
      type: 'dispute.closed',
      paymentIntentId: 'pi_4',
      disputeLost: true,
    });
  });

  it('reads invoices and subscriptions where current and older API versions put their fields', () => {
    const paid = provider.parseWebhook(
      ...delivery('invoice.paid', { id: 'in_1', amount_paid: 2_900, parent: { subscription_details: { subscription: 'sub_1' } } }),
    );
    expect(paid).toMatchObject({ type: 'invoice.paid', invoice: { id: 'in_1', subscriptionId: 'sub_1', amountPaid: 2_900 } });
    const updated = provider.parseWebhook(
      ...delivery('customer.subscription.updated', {
        id: 'sub_1',
        status: 'paused',
        cancel_at_period_end: true,
        items: { data: [{ current_period_start: created, current_period_end: created + 86_400 }] },
      }),
    );
    expect(updated).toMatchObject({
      type: 'subscription.changed',
      subscription: { id: 'sub_1', status: 'past_due', cancelAtPeriodEnd: true, periodStart: new Date(created * 1000) },
    });
    const deleted = provider.parseWebhook(
      ...delivery('customer.subscription.deleted', { id: 'sub_1', status: 'active', items: { data: [] } }),
    );
    expect(deleted.subscription).toEqual({
      id: 'sub_1',
      status: 'canceled',
      periodStart: undefined,
      periodEnd: undefined,
      cancelAtPeriodEnd: undefined,
    });
    expect(provider.parseWebhook(...delivery('customer.created', { id: 'cus_1' }))).toMatchObject({ type: 'other' });
  });

  it('refuses a missing, wrong or stale signature, and a signed payload without the shape of an event, with 400', () => {
    const [body] = delivery('payment_intent.succeeded', { id: 'pi_1' });
    expect(() => provider.parseWebhook(body, undefined)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() =>
      provider.parseWebhook(...delivery('payment_intent.succeeded', { id: 'pi_1' }, { secret: 'whsec_another_secret_entirely' })),
    ).toThrow(expect.objectContaining({ status: 400 }));
    const stale = delivery('payment_intent.succeeded', { id: 'pi_1' }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(() => provider.parseWebhook(...stale)).toThrow(expect.objectContaining({ status: 400 }));
    const shapeless = JSON.stringify({
      id: 'evt_x',
      type: 'charge.refunded',
      created,
      data: { object: { id: 'ch_1', amount_refunded: 'all' } },
    });
    expect(() =>
      provider.parseWebhook(Buffer.from(shapeless), Stripe.webhooks.generateTestHeaderString({ payload: shapeless, secret: SECRET })),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });
});
