import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { formatMoney } from '../../../core/money.js';
import { BILLING_NOTIFICATION_TYPES, type PaymentEvent } from '../../billing/index.js';
import { MailService } from '../../mail/index.js';
import { NotificationTypes } from '../notification-type-registry.js';
import { NotifyService } from '../notify.service.js';

/**
 * What billing's owed effects tell the payer: a receipt when a payment succeeds, a warning when it
 * fails. The effect key is the notification's dedupe key, so a retried effect never notifies twice.
 */
@Injectable()
export class BillingListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly notify: NotifyService,
    private readonly mail: MailService,
    types: NotificationTypes,
  ) {
    // In the constructor, not onModuleInit: the API document, built before that, lists the types.
    types.register(BILLING_NOTIFICATION_TYPES);
  }

  onModuleInit(): void {
    this.mail.templates.require('notifications', 'payment-receipt');
    this.relay.on('payment.succeeded', 'notifications', (event, key) => this.succeeded(event, key));
    this.relay.on('payment.failed', 'notifications', (event, key) => this.failed(event, key));
  }

  private async succeeded(event: PaymentEvent, key: string): Promise<void> {
    const amount = formatMoney(event.amount, event.currency);
    await this.notify.notify(systemContext(key), event.userId, {
      type: 'payment',
      title: 'Payment received',
      body: `We received your payment of ${amount}.`,
      channels: ['email', 'push'],
      email: { template: 'payment-receipt', variables: { amount, transactionId: event.transactionId } },
      dedupeKey: key,
    });
  }

  private async failed(event: PaymentEvent, key: string): Promise<void> {
    await this.notify.notify(systemContext(key), event.userId, {
      type: 'payment',
      title: 'Payment failed',
      body: `Your payment of ${formatMoney(event.amount, event.currency)} did not go through.`,
      priority: 'high',
      channels: ['email'],
      dedupeKey: key,
    });
  }
}
