import { Inject, Injectable } from '@nestjs/common';
import type { TransitionOrigin } from '../../../core/lifecycle/index.js';
import { PlanCatalogue } from '../../entitlements/index.js';
import type { ProviderOutcome } from '../provider-outcome.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider.js';
import type { ProviderInvoice } from '../providers/provider-event.js';
import type { Subscription } from '../schemas/subscription.schema.js';
import { SubscriptionsRepository } from '../subscriptions.repository.js';
import { TransactionsRepository } from '../transactions.repository.js';

/**
 * A subscription period the provider charged: a succeeded subscription payment with its invoice and
 * receipt owed, once per provider invoice.
 */
@Injectable()
export class ChargeSubscription {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly transactions: TransactionsRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly catalogue: PlanCatalogue,
  ) {}

  /**
   * invoice.paid: the subscription becomes active where order and lifecycle allow, and the charge is
   * recorded. A late invoice is still money paid: its charge is recorded even when the status change is refused.
   */
  async recordPaidInvoice(invoice: ProviderInvoice, origin: TransitionOrigin, eventAt: Date): Promise<ProviderOutcome> {
    const subscription = invoice.subscriptionId ? await this.subscriptions.findByProviderId(invoice.subscriptionId) : null;
    if (!subscription) return 'unknown';
    const status = await this.subscriptions.applyProviderState({ id: invoice.subscriptionId!, status: 'active' }, origin, eventAt);
    if (invoice.amountPaid <= 0) return status;
    return (await this.record(subscription, invoice, origin)) ? 'applied' : status;
  }

  /** The first period, when the provider charged it while creating the subscription. */
  async recordFirstPeriod(subscription: Subscription, invoice: ProviderInvoice, origin: TransitionOrigin): Promise<void> {
    if (invoice.amountPaid > 0) await this.record(subscription, invoice, origin);
  }

  private async record(subscription: Subscription, invoice: ProviderInvoice, origin: TransitionOrigin): Promise<boolean> {
    const { created } = await this.transactions.recordCharge(
      {
        userId: subscription.userId,
        amount: invoice.amountPaid,
        currency: subscription.currency,
        provider: this.provider.name,
        subscriptionId: subscription._id,
        description: `${(await this.catalogue.nameOf(subscription.plan)) ?? subscription.plan} subscription`,
        providerInvoiceId: invoice.id,
      },
      origin,
    );
    return created;
  }
}
