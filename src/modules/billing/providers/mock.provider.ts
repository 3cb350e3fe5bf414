import { randomBytes } from 'node:crypto';
import type { PaymentStatus } from '../payment-lifecycle.js';
import { periodEnd } from '../plans.js';
import type { CreatedIntent, CreatedSubscription, MethodFacts, PaymentProvider } from './payment-provider.js';

const id = (prefix: string) => `${prefix}_mock_${randomBytes(12).toString('hex')}`;

/**
 * The embedded default when no Stripe key is set: every payment that is confirmed succeeds at once,
 * so `npm start` runs the whole lifecycle offline. The services apply its answers exactly as
 * they apply Stripe's, so the same internal events follow.
 */
export class MockPaymentProvider implements PaymentProvider {
  readonly name = 'mock' as const;

  async createIntent(): Promise<CreatedIntent> {
    const intent = id('pi');
    return { id: intent, clientSecret: `${intent}_secret_${randomBytes(8).toString('hex')}`, status: 'pending' };
  }

  async confirmIntent(): Promise<PaymentStatus> {
    return 'succeeded';
  }

  async refund(): Promise<{ id: string; status: 'succeeded' }> {
    return { id: id('re'), status: 'succeeded' };
  }

  async describeMethod(providerMethodId: string): Promise<MethodFacts | undefined> {
    // Stripe's test method names (pm_card_visa, pm_card_mastercard, …) describe themselves.
    const brand = /^pm_card_([a-z]+)/.exec(providerMethodId)?.[1];
    return brand ? { type: 'card', brand, last4: '4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3 } : undefined;
  }

  async createSubscription(input: { interval: 'month' | 'year' }): Promise<CreatedSubscription> {
    const start = new Date();
    return { id: id('sub'), customerId: id('cus'), status: 'active', periodStart: start, periodEnd: periodEnd(start, input.interval) };
  }

  async setCancelAtPeriodEnd(): Promise<void> {}
}
