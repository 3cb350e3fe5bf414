import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { formatMoney } from '../../core/money.js';
import { NotifyService } from './notify.service.js';

interface PaymentEvent {
  transactionId: string;
  userId: string;
  amount: number;
  currency: string;
}

interface UserEvent {
  userId: string;
}

/**
 * What other contexts announce and users hear about. The emitters do not know these listeners;
 * listeners run after the emitting request has answered (async), so a mail outage never fails a payment.
 */
@Injectable()
export class NotificationListeners {
  constructor(private readonly notify: NotifyService) {}

  @OnEvent('payment.succeeded', { async: true, suppressErrors: true })
  async paymentSucceeded(event: PaymentEvent): Promise<void> {
    const amount = formatMoney(event.amount, event.currency);
    await this.notify.notify(event.userId, {
      type: 'payment',
      title: 'Payment received',
      body: `We received your payment of ${amount}.`,
      channels: ['email', 'push'],
      email: { template: 'payment-receipt', variables: { amount, transactionId: event.transactionId } },
      dedupeKey: `payment-receipt:${event.transactionId}`,
    });
  }

  @OnEvent('payment.failed', { async: true, suppressErrors: true })
  async paymentFailed(event: PaymentEvent): Promise<void> {
    await this.notify.notify(event.userId, {
      type: 'payment',
      title: 'Payment failed',
      body: `Your payment of ${formatMoney(event.amount, event.currency)} did not go through.`,
      priority: 'high',
      channels: ['email'],
      dedupeKey: `payment-failed:${event.transactionId}`,
    });
  }

  @OnEvent('user.registered', { async: true, suppressErrors: true })
  async registered(event: UserEvent): Promise<void> {
    await this.notify.notify(event.userId, {
      type: 'system',
      title: 'Welcome to Atrium',
      body: 'Your account is ready.',
      channels: ['email'],
      email: { template: 'welcome', variables: {} },
      dedupeKey: `welcome:${event.userId}`,
    });
  }

  @OnEvent('user.password-changed', { async: true, suppressErrors: true })
  async passwordChanged(event: UserEvent): Promise<void> {
    await this.notify.notify(event.userId, {
      type: 'security',
      title: 'Password changed',
      body: 'Your password was changed and your other devices were signed out.',
      priority: 'high',
      channels: ['email', 'push'],
      email: { template: 'password-changed', variables: {} },
    });
  }
}
