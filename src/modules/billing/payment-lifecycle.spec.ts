import { describe, expect, it } from 'vitest';
import { canMove, PAYMENT_STATUSES, PAYMENT_TRANSITIONS } from './payment-lifecycle.js';

describe('payment lifecycle', () => {
  it('lists a row for every status, naming only known statuses', () => {
    for (const status of PAYMENT_STATUSES) {
      expect(PAYMENT_TRANSITIONS[status]).toBeDefined();
      for (const next of PAYMENT_TRANSITIONS[status]) expect(PAYMENT_STATUSES).toContain(next);
    }
  });

  it('walks the happy path pending → processing → succeeded → partially_refunded → refunded', () => {
    const path = ['pending', 'processing', 'succeeded', 'partially_refunded', 'refunded'] as const;
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1], path[i])).toBe(true);
  });

  it('never moves backwards or out of a terminal state', () => {
    expect(canMove('succeeded', 'processing')).toBe(false);
    expect(canMove('succeeded', 'pending')).toBe(false);
    expect(canMove('refunded', 'succeeded')).toBe(false);
    for (const terminal of ['failed', 'canceled', 'refunded'] as const) expect(PAYMENT_TRANSITIONS[terminal]).toEqual([]);
  });

  it('reaches every status from pending', () => {
    const reached = new Set<string>(['pending']);
    const queue = ['pending'] as (keyof typeof PAYMENT_TRANSITIONS)[];
    while (queue.length > 0) {
      for (const next of PAYMENT_TRANSITIONS[queue.shift()!]) {
        if (reached.has(next)) continue;
        reached.add(next);
        queue.push(next);
      }
    }
    expect([...reached].sort()).toEqual([...PAYMENT_STATUSES].sort());
  });
});
