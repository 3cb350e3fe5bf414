import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { AppConfig } from '../../core/config/app-config.js';
import { describeOutcome, type ProviderOutcome } from './provider-outcome.js';
import { periodOf, statusOfSubscription } from './providers/stripe.provider.js';
import { RefundsService } from './refunds.service.js';
import type { WebhookOutcome } from './schemas/webhook-event.schema.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { TransactionsService, type ChangeOrigin } from './transactions.service.js';
import { WebhookClaims } from './webhook-claims.js';
import { assertProviderEvent } from './webhook-event-shape.js';

const objectId = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

/**
 * Stripe's webhook rules: the signature is checked on the raw body (300 s tolerance) and the shape
 * of the event after it, before anything is stored; one delivery at a time processes an event
 * (WebhookClaims), so concurrent redeliveries have no second effect; a failure in our processing
 * answers 500 and leaves the event for Stripe's retry.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);
  // Signature checks need no API key; the SDK instance is only a verifier here.
  private readonly verifier = new Stripe('sk_test_signature_verification_only');

  constructor(
    private readonly claims: WebhookClaims,
    private readonly payments: TransactionsService,
    private readonly refunds: RefundsService,
    private readonly subscriptions: SubscriptionsService,
    private readonly config: AppConfig,
  ) {}

  async receive(
    rawBody: Buffer | undefined,
    signature: string | string[] | undefined,
  ): Promise<{ received: true; duplicate: boolean; outcome: WebhookOutcome }> {
    const event = this.verify(rawBody, signature);
    const claim = await this.claims.claim(event);
    if (!claim.claimed) return { received: true, duplicate: true, outcome: claim.outcome };
    try {
      const { outcome, detail } = describeOutcome(await this.process(event));
      await this.claims.finish(event.id, claim.claimId, outcome, detail);
      return { received: true, duplicate: false, outcome };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await this.claims
        .release(event.id, claim.claimId, detail)
        .catch((releaseError: unknown) =>
          this.logger.warn(`webhook ${event.id} stays claimed until its lease runs out: ${String(releaseError)}`),
        );
      this.logger.error(`webhook ${event.id} (${event.type}) failed; Stripe will retry: ${detail}`);
      throw error;
    }
  }

  private verify(rawBody: Buffer | undefined, signature: string | string[] | undefined): Stripe.Event {
    if (!rawBody || typeof signature !== 'string') throw new BadRequestException('A Stripe-Signature header and a raw body are required.');
    let payload: unknown;
    try {
      payload = this.verifier.webhooks.constructEvent(rawBody, signature, this.config.get('STRIPE_WEBHOOK_SECRET'));
    } catch {
      throw new BadRequestException('The Stripe signature is missing, wrong or too old.');
    }
    return assertProviderEvent(payload);
  }

  private async process(event: Stripe.Event): Promise<ProviderOutcome> {
    const origin: ChangeOrigin = { source: 'webhook', eventId: event.id, eventAt: new Date(event.created * 1000) };
    switch (event.type) {
      case 'payment_intent.succeeded':
        return this.payments.applyProviderStatus(event.data.object.id, 'succeeded', origin);
      case 'payment_intent.processing':
        return this.payments.applyProviderStatus(event.data.object.id, 'processing', origin);
      case 'payment_intent.canceled':
        return this.payments.applyProviderStatus(event.data.object.id, 'canceled', origin);
      case 'payment_intent.payment_failed':
        return this.payments.applyProviderStatus(
          event.data.object.id,
          'failed',
          origin,
          event.data.object.last_payment_error?.message ?? 'payment failed',
        );
      case 'charge.refunded': {
        const intentId = objectId(event.data.object.payment_intent);
        return intentId ? this.refunds.applyRefundedTotal(intentId, event.data.object.amount_refunded, origin) : 'unknown';
      }
      case 'charge.dispute.created': {
        const intentId = objectId(event.data.object.payment_intent);
        return intentId ? this.payments.applyProviderStatus(intentId, 'disputed', origin) : 'unknown';
      }
      case 'charge.dispute.closed':
        return this.closeDispute(event.data.object, origin);
      case 'invoice.paid': {
        const invoice = event.data.object;
        const subscriptionId = subscriptionOfInvoice(invoice);
        return subscriptionId
          ? this.subscriptions.recordPaidInvoice(subscriptionId, { invoiceId: invoice.id!, amountPaid: invoice.amount_paid }, origin)
          : 'unknown';
      }
      case 'invoice.payment_failed': {
        const subscriptionId = subscriptionOfInvoice(event.data.object);
        return subscriptionId ? this.subscriptions.applyProviderState(subscriptionId, { status: 'past_due' }, origin) : 'unknown';
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted': {
        const subscription = event.data.object;
        const period = periodOf(subscription);
        return this.subscriptions.applyProviderState(
          subscription.id,
          {
            status: event.type === 'customer.subscription.deleted' ? 'canceled' : statusOfSubscription(subscription.status),
            periodStart: period.start,
            periodEnd: period.end,
            cancelAtPeriodEnd: subscription.cancel_at_period_end ?? undefined,
          },
          origin,
        );
      }
      default:
        // Acknowledged and recorded, so Stripe stops sending it; nothing here reacts to it yet.
        return 'unknown';
    }
  }

  /** A won dispute returns the payment to where its refunds left it; a lost one refunds it in full. */
  private async closeDispute(dispute: Stripe.Dispute, origin: ChangeOrigin): Promise<ProviderOutcome> {
    const intentId = objectId(dispute.payment_intent);
    if (!intentId) return 'unknown';
    const payment = await this.payments.findByIntent(intentId);
    if (!payment) return 'unknown';
    if (dispute.status === 'lost') return this.refunds.applyRefundedTotal(intentId, payment.amount, origin);
    return this.payments.applyProviderStatus(intentId, payment.refundedAmount > 0 ? 'partially_refunded' : 'succeeded', origin);
  }
}

/** The subscription of an invoice, where current and older API versions put it. */
function subscriptionOfInvoice(invoice: Stripe.Invoice): string | undefined {
  const legacy = invoice as unknown as { subscription?: string | { id: string } | null };
  const parent = (invoice as unknown as { parent?: { subscription_details?: { subscription?: string | { id: string } } } }).parent;
  return objectId(legacy.subscription ?? parent?.subscription_details?.subscription ?? null);
}
