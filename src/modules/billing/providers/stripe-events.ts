import { BadRequestException } from '@nestjs/common';
import type Stripe from 'stripe';
import type { ProviderEvent } from './provider-event.js';
import { assertStripeEvent } from './stripe-event-shape.js';
import { idOf, periodOf, statusOfSubscription, subscriptionOfInvoice } from './stripe-objects.js';

/** The SDK's signature checker: `stripe.webhooks` on a client, or `Stripe.webhooks` without one. */
export type StripeWebhooks = Pick<Stripe['webhooks'], 'constructEvent'>;

/**
 * A delivery in Stripe's wire format: the `Stripe-Signature` HMAC checked on the raw body with the
 * signing secret (300 s tolerance), then the shape, then the event read into billing's terms.
 */
export function parseStripeWebhook(
  webhooks: StripeWebhooks,
  secret: string,
  rawBody: Buffer | undefined,
  signature: string | undefined,
): ProviderEvent {
  if (!rawBody || !signature) throw new BadRequestException('A Stripe-Signature header and a raw body are required.');
  let payload: unknown;
  try {
    payload = webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new BadRequestException('The Stripe signature is missing, wrong or too old.');
  }
  return toProviderEvent(assertStripeEvent(payload));
}

export function toProviderEvent(event: Stripe.Event): ProviderEvent {
  const base = {
    id: event.id,
    providerType: event.type,
    createdAt: new Date(event.created * 1000),
    object: event.data.object as unknown as Record<string, unknown>,
  };
  switch (event.type) {
    case 'payment_intent.succeeded':
      return { ...base, type: 'payment.succeeded', paymentIntentId: event.data.object.id };
    case 'payment_intent.processing':
      return { ...base, type: 'payment.processing', paymentIntentId: event.data.object.id };
    case 'payment_intent.canceled':
      return { ...base, type: 'payment.canceled', paymentIntentId: event.data.object.id };
    case 'payment_intent.payment_failed':
      return {
        ...base,
        type: 'payment.failed',
        paymentIntentId: event.data.object.id,
        failureReason: event.data.object.last_payment_error?.message ?? 'payment failed',
      };
    case 'charge.refunded':
      return {
        ...base,
        type: 'charge.refunded',
        paymentIntentId: idOf(event.data.object.payment_intent),
        amountRefunded: event.data.object.amount_refunded,
      };
    case 'charge.dispute.created':
      return { ...base, type: 'dispute.opened', paymentIntentId: idOf(event.data.object.payment_intent) };
    case 'charge.dispute.closed':
      return {
        ...base,
        type: 'dispute.closed',
        paymentIntentId: idOf(event.data.object.payment_intent),
        disputeLost: event.data.object.status === 'lost',
      };
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      return {
        ...base,
        type: event.type === 'invoice.paid' ? 'invoice.paid' : 'invoice.payment-failed',
        invoice: { id: invoice.id!, subscriptionId: subscriptionOfInvoice(invoice), amountPaid: invoice.amount_paid ?? 0 },
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      const period = periodOf(subscription);
      return {
        ...base,
        type: 'subscription.changed',
        subscription: {
          id: subscription.id,
          status: event.type === 'customer.subscription.deleted' ? 'canceled' : statusOfSubscription(subscription.status),
          periodStart: period?.start,
          periodEnd: period?.end,
          cancelAtPeriodEnd: subscription.cancel_at_period_end ?? undefined,
        },
      };
    }
    default:
      return { ...base, type: 'other' };
  }
}
