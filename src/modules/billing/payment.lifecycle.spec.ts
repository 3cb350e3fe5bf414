import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { PAYMENT_STATUSES, paymentLifecycle, type PaymentStatus } from './payment.lifecycle.js';

/** The rules in words: where staff and the provider may move a payment from each status. */
const BOOKS: Record<PaymentStatus, PaymentStatus[]> = {
  pending: ['processing', 'succeeded', 'failed', 'canceled'],
  processing: ['succeeded', 'failed', 'canceled'],
  succeeded: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['refunded', 'disputed'],
  disputed: ['succeeded', 'partially_refunded', 'refunded'],
  failed: [],
  canceled: [],
  refunded: [],
};

describe('payment lifecycle', () => {
  it('answers every (from, to, trigger) pair as the rules say: the payer only confirms', () => {
    const verdicts = walkLifecycle(paymentLifecycle);
    expect(verdicts).toHaveLength(PAYMENT_STATUSES.length ** 2 * 4);
    for (const { from, to, trigger, allowed } of verdicts) {
      const expected =
        trigger === 'owner'
          ? from === 'pending' && to === 'processing'
          : trigger === 'staff' || trigger === 'system'
            ? BOOKS[from].includes(to)
            : false;
      expect(allowed, `${from} → ${to} by ${trigger}`).toBe(expected);
    }
  });

  it('never moves backwards or out of a final state', () => {
    expect(paymentLifecycle.canMove('succeeded', 'processing')).toBe(false);
    expect(paymentLifecycle.canMove('succeeded', 'pending')).toBe(false);
    expect(paymentLifecycle.canMove('refunded', 'succeeded')).toBe(false);
    for (const final of ['failed', 'canceled', 'refunded'] as const) expect(paymentLifecycle.isFinal(final)).toBe(true);
  });

  it('reaches every status from pending', () => {
    expect([...paymentLifecycle.reachable()].sort()).toEqual([...PAYMENT_STATUSES].sort());
  });
});
