import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import type { RequestContext } from '../../../core/auth/request-context.js';
import type { TransitionOrigin } from '../../../core/lifecycle/index.js';
import { providerChange } from '../billing-context.js';
import type { PaymentStatus } from '../payment.lifecycle.js';
import type { ProviderOutcome } from '../provider-outcome.js';
import type { ProviderEvent } from '../providers/provider-event.js';
import type { Transaction } from '../schemas/transaction.schema.js';
import { SubscriptionsRepository } from '../subscriptions.repository.js';
import { TransactionsRepository } from '../transactions.repository.js';
import { ChargeSubscription } from './charge-subscription.js';

/**
 * A verified provider event applied here. Events come late, twice or out of order: a payment move the
 * lifecycle does not allow changes nothing and says so; subscriptions follow the provider's order. The
 * event's own data is applied, monotonically, rather than re-read from the provider.
 */
@Injectable()
export class ApplyProviderEvent {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly charges: ChargeSubscription,
    private readonly policy: PermissionPolicy,
  ) {}

  async execute(ctx: RequestContext, event: ProviderEvent): Promise<ProviderOutcome> {
    this.policy.require(ctx, 'billing.apply-provider-event');
    const origin = providerChange(event.id);
    switch (event.type) {
      case 'payment.processing':
        return this.paymentTo(event, 'processing', origin);
      case 'payment.succeeded':
        return this.paymentTo(event, 'succeeded', origin);
      case 'payment.canceled':
        return this.paymentTo(event, 'canceled', origin);
      case 'payment.failed':
        return this.paymentTo(event, 'failed', origin, { failureReason: event.failureReason?.slice(0, 500) });
      case 'dispute.opened':
        return this.paymentTo(event, 'disputed', origin);
      case 'dispute.closed':
        return this.closeDispute(event, origin);
      case 'charge.refunded':
        return this.refundedTotal(event, event.amountRefunded ?? 0, origin);
      case 'invoice.paid':
        return event.invoice ? this.charges.recordPaidInvoice(event.invoice, origin, event.createdAt) : 'unknown';
      case 'invoice.payment-failed':
        return event.invoice?.subscriptionId
          ? this.subscriptions.applyProviderState({ id: event.invoice.subscriptionId, status: 'past_due' }, origin, event.createdAt)
          : 'unknown';
      case 'subscription.changed':
        return event.subscription ? this.subscriptions.applyProviderState(event.subscription, origin, event.createdAt) : 'unknown';
      default:
        // Acknowledged and recorded, so the provider stops sending it; nothing here reacts to it yet.
        return 'unknown';
    }
  }

  private async paymentTo(
    event: ProviderEvent,
    to: PaymentStatus,
    origin: TransitionOrigin,
    set?: Partial<Transaction>,
  ): Promise<ProviderOutcome> {
    const payment = await this.paymentOf(event);
    if (!payment) return 'unknown';
    return (await this.transactions.applyProviderStatus(payment, to, origin, set)).applied ? 'applied' : 'unchanged';
  }

  /** A won dispute returns the payment to where its refunds left it; a lost one refunds it in full. */
  private async closeDispute(event: ProviderEvent, origin: TransitionOrigin): Promise<ProviderOutcome> {
    const payment = await this.paymentOf(event);
    if (!payment) return 'unknown';
    if (event.disputeLost) return this.refundedTotal(event, payment.amount, origin);
    return this.paymentTo(event, payment.refundedAmount > 0 ? 'partially_refunded' : 'succeeded', origin);
  }

  /**
   * The provider's refunded total. Refunds made here already counted theirs; refunds made at the
   * provider (its dashboard) are taken over. The total never goes down.
   */
  private async refundedTotal(event: ProviderEvent, refunded: number, origin: TransitionOrigin): Promise<ProviderOutcome> {
    const payment = await this.paymentOf(event);
    if (!payment) return 'unknown';
    const total = Math.min(payment.amount, Math.max(payment.refundedAmount, refunded));
    if (total > payment.refundedAmount) await this.transactions.raiseRefundedTotal(payment._id, total);
    const target = total >= payment.amount ? 'refunded' : total > 0 ? 'partially_refunded' : undefined;
    if (!target || payment.status === target) return 'unchanged';
    return (await this.transactions.applyProviderStatus(payment, target, origin)).applied ? 'applied' : 'unchanged';
  }

  private paymentOf(event: ProviderEvent): Promise<Transaction | null> {
    return event.paymentIntentId ? this.transactions.findByIntent(event.paymentIntentId) : Promise.resolve(null);
  }
}
