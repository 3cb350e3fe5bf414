import type { EffectRequest, EffectsRelay } from '../../core/events/index.js';
import type { PaymentEvent } from './billing.events.js';
import type { PaymentStatus } from './payment.lifecycle.js';
import type { Transaction } from './schemas/transaction.schema.js';

/** The effect billing owes itself when a payment succeeds; its handler is idempotent by transaction id. */
export const ISSUE_INVOICE = 'billing.issue-invoice';

/** What an effect needs to know of the payment that owes it. */
export type PaymentFacts = Pick<Transaction, '_id' | 'userId' | 'type' | 'amount' | 'currency' | 'audit' | 'sessionId'>;

export const paymentEventOf = (payment: PaymentFacts, status: PaymentStatus): PaymentEvent => ({
  transactionId: payment._id.toString(),
  userId: payment.userId.toString(),
  amount: payment.amount,
  currency: payment.currency,
  status,
  ...(payment.sessionId ? { sessionId: payment.sessionId.toString() } : {}),
});

/**
 * What a payment moving to `to` owes, written with the move: on its first success its invoice and
 * `payment.succeeded` (the receipt); when it fails, `payment.failed`. A dispute won returns a payment
 * to succeeded without owing them again.
 */
export function owedByMove(relay: EffectsRelay, payment: PaymentFacts, to: PaymentStatus): EffectRequest[] {
  const id = payment._id.toString();
  if (to === 'succeeded' && payment.type !== 'refund' && !(payment.audit ?? []).some((change) => change.to === 'succeeded'))
    return [
      { key: `invoice:${id}`, name: ISSUE_INVOICE, payload: { transactionId: id } },
      ...relay.owe('payment.succeeded', paymentEventOf(payment, to), `payment-succeeded:${id}`),
    ];
  if (to === 'failed') return relay.owe('payment.failed', paymentEventOf(payment, to), `payment-failed:${id}`);
  return [];
}

/** A refund owes `payment.refunded`, keyed by the refund, with the payment's status after it. */
export const owedByRefund = (
  relay: EffectsRelay,
  payment: PaymentFacts,
  refund: { id: string; amount: number },
  status: PaymentStatus,
): EffectRequest[] =>
  relay.owe(
    'payment.refunded',
    { ...paymentEventOf(payment, status), amount: refund.amount, refundId: refund.id },
    `payment-refunded:${refund.id}`,
  );
