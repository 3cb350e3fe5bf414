import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../../core/http/problem.js';
import type { PaymentStatus } from '../payment.lifecycle.js';
import type { MethodType } from '../schemas/payment-method.schema.js';
import type { SubscriptionStatus } from '../schemas/subscription.schema.js';
import type { ProviderName } from '../schemas/transaction.schema.js';
import type { ProviderEvent, ProviderInvoice } from './provider-event.js';

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface CreatedIntent {
  id: string;
  clientSecret?: string;
  status: PaymentStatus;
}

export interface MethodFacts {
  type: MethodType;
  brand?: string;
  last4?: string;
  expMonth?: number;
  expYear?: number;
}

export interface SubscriptionRequest {
  email: string;
  planKey: string;
  amount: number;
  currency: string;
  interval: 'month' | 'year';
  idempotencyKey: string;
}

export interface CreatedSubscription {
  id: string;
  customerId?: string;
  status: SubscriptionStatus;
  periodStart: Date;
  periodEnd: Date;
  /** The first period's invoice when the provider charged it in the same call; otherwise it arrives as an event. */
  paidInvoice?: ProviderInvoice;
}

/**
 * The boundary to a payment provider: Stripe (vendor adapter, official SDK) or the embedded adapter,
 * chosen by configuration in one factory. Amounts are minor units, currencies ISO 4217.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  createIntent(input: { amount: number; currency: string; transactionId: string; idempotencyKey: string }): Promise<CreatedIntent>;
  /** The status right after confirmation; the final one may still arrive by webhook. */
  confirmIntent(intentId: string, paymentMethod: string | undefined, idempotencyKey: string): Promise<PaymentStatus>;
  refund(input: {
    intentId: string;
    amount: number;
    idempotencyKey: string;
  }): Promise<{ id: string; status: 'succeeded' | 'pending' | 'failed' }>;
  describeMethod(providerMethodId: string): Promise<MethodFacts | undefined>;
  createSubscription(input: SubscriptionRequest): Promise<CreatedSubscription>;
  setCancelAtPeriodEnd(subscriptionId: string, cancel: boolean): Promise<void>;
  /**
   * A webhook delivery: its signature checked on the raw body, then read into a provider-neutral
   * event. A missing, wrong or stale signature, or a payload without the shape of an event, is 400.
   */
  parseWebhook(rawBody: Buffer | undefined, signature: string | undefined): ProviderEvent;
}

/** A provider call that failed for reasons outside the request (network, provider error): 502. */
export class ProviderError extends ProblemException {
  constructor(detail: string) {
    super(
      HttpStatus.BAD_GATEWAY,
      'payment-provider-error',
      'Payment provider error',
      `The payment provider refused or failed: ${detail.slice(0, 300)}`,
    );
  }
}
