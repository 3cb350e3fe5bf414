import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { deliveryLifecycle } from './delivery.lifecycle.js';

/** The delivery lifecycle in words: every allowed (from → to, trigger); anything else is refused. */
const ALLOWED: Record<string, string[]> = {
  'pending→delivered': ['system'],
  'pending→failed': ['system'],
  'delivered→pending': ['owner', 'staff'],
  'failed→pending': ['owner', 'staff'],
};

describe('webhook delivery lifecycle', () => {
  it('allows exactly the moves written down, pair by pair', () => {
    for (const { from, to, trigger, allowed } of walkLifecycle(deliveryLifecycle))
      expect({ from, to, trigger, allowed }).toEqual({ from, to, trigger, allowed: (ALLOWED[`${from}→${to}`] ?? []).includes(trigger) });
  });

  it('reaches every state; only a manager brings a delivery back', () => {
    expect([...deliveryLifecycle.reachable()].sort()).toEqual([...deliveryLifecycle.states].sort());
    expect(deliveryLifecycle.mayTrigger('failed', 'pending', 'system')).toBe(false);
  });
});
