import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import Stripe from 'stripe';
import { AppConfig } from '../../core/config/app-config.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { periodOf, statusOfSubscription } from './providers/stripe.provider.js';
import { RefundsService } from './refunds.service.js';
import { WebhookEvent, type WebhookOutcome } from './schemas/webhook-event.schema.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { TransactionsService, type ChangeOrigin } from './transactions.service.js';

type Outcome = 'applied' | 'unchanged' | 'unknown';
const objectId = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

/**
 * Stripe's webhook rules: the signature is checked on the raw body (300 s tolerance) before anything
 * is stored; each event id is stored once, so a redelivery has no second effect; a failure in our
 * processing answers 500 and leaves the event marked for Stripe's retry.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);
  // Signature checks need no API key; the SDK instance is only a verifier here.
  private readonly verifier = new Stripe('sk_test_signature_verification_only');

  constructor(
    @InjectModel(WebhookEvent.name) private readonly events: Model<WebhookEvent>,
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
    const stored = await this.record(event);
    if (stored.duplicate) return { received: true, duplicate: true, outcome: stored.outcome };
    try {
      const outcome = await this.process(event);
      const final: WebhookOutcome = outcome === 'applied' ? 'processed' : 'ignored';
      await this.events.updateOne(
        { provider: 'stripe', eventId: event.id },
        { $set: { outcome: final, processedAt: new Date(), detail: outcome === 'applied' ? undefined : `no effect: ${outcome}` } },
      );
      return { received: true, duplicate: false, outcome: final };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await this.events.updateOne(
        { provider: 'stripe', eventId: event.id },
        { $set: { outcome: 'failed', detail: detail.slice(0, 1000) } },
      );
      this.logger.error(`webhook ${event.id} (${event.type}) failed; Stripe will retry: ${detail}`);
      throw error;
    }
  }

  private verify(rawBody: Buffer | undefined, signature: string | string[] | undefined): Stripe.Event {
    if (!rawBody || typeof signature !== 'string') throw new BadRequestException('A Stripe-Signature header and a raw body are required.');
    try {
      return this.verifier.webhooks.constructEvent(rawBody, signature, this.config.get('STRIPE_WEBHOOK_SECRET'));
    } catch {
      throw new BadRequestException('The Stripe signature is missing, wrong or too old.');
    }
  }

  /** Stores the event by id. A redelivery of a finished event is a duplicate; one that failed or never finished is processed again. */
  private async record(event: Stripe.Event): Promise<{ duplicate: boolean; outcome: WebhookOutcome }> {
    let existing: WebhookEvent | null;
    try {
      existing = await this.events
        .findOneAndUpdate(
          { provider: 'stripe', eventId: event.id },
          {
            $setOnInsert: {
              provider: 'stripe',
              eventId: event.id,
              type: event.type,
              receivedAt: new Date(),
              outcome: 'received',
              payload: event.data.object,
            },
            $inc: { attempts: 1 },
          },
          { upsert: true, returnDocument: 'before' },
        )
        .lean<WebhookEvent>();
    } catch (error) {
      // Two deliveries of one event racing to insert it: the other one is handling it.
      if (isDuplicateKey(error)) return { duplicate: true, outcome: 'received' };
      throw error;
    }
    if (!existing) return { duplicate: false, outcome: 'received' };
    const finished = existing.outcome === 'processed' || existing.outcome === 'ignored';
    return { duplicate: finished, outcome: existing.outcome };
  }

  private async process(event: Stripe.Event): Promise<Outcome> {
    const origin: ChangeOrigin = { source: 'webhook', eventId: event.id };
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
        const subscriptionId = subscriptionOfInvoice(event.data.object);
        return subscriptionId ? this.subscriptions.recordPaidInvoice(subscriptionId, event.data.object.amount_paid, origin) : 'unknown';
      }
      case 'invoice.payment_failed': {
        const subscriptionId = subscriptionOfInvoice(event.data.object);
        return subscriptionId ? this.subscriptions.applyProviderState(subscriptionId, { status: 'past_due' }) : 'unknown';
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted': {
        const subscription = event.data.object;
        const period = periodOf(subscription);
        return this.subscriptions.applyProviderState(subscription.id, {
          status: event.type === 'customer.subscription.deleted' ? 'canceled' : statusOfSubscription(subscription.status),
          periodStart: period.start,
          periodEnd: period.end,
          cancelAtPeriodEnd: subscription.cancel_at_period_end,
        });
      }
      default:
        // Acknowledged and recorded, so Stripe stops sending it; nothing here reacts to it yet.
        return 'unknown';
    }
  }

  /** A won dispute returns the payment to where its refunds left it; a lost one refunds it in full. */
  private async closeDispute(dispute: Stripe.Dispute, origin: ChangeOrigin): Promise<Outcome> {
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
