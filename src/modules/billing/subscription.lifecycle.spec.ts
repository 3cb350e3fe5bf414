import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from './schemas/subscription.schema.js';
import { subscriptionLifecycle } from './subscription.lifecycle.js';

/** The rules in words, one line per status: where the provider may move a subscription from there. */
const ALLOWED: Record<SubscriptionStatus, SubscriptionStatus[]> = {
  incomplete: ['trialing', 'active', 'canceled'],
  trialing: ['active', 'past_due', 'unpaid', 'canceled'],
  active: ['trialing', 'past_due', 'unpaid', 'canceled'],
  past_due: ['active', 'unpaid', 'canceled'],
  unpaid: ['active', 'canceled'],
  canceled: [],
};

describe('subscription lifecycle', () => {
  it('answers every (from, to, trigger) pair as the rules say', () => {
    const verdicts = walkLifecycle(subscriptionLifecycle);
    expect(verdicts).toHaveLength(SUBSCRIPTION_STATUSES.length ** 2 * 4);
    for (const { from, to, trigger, allowed } of verdicts) {
      expect(allowed, `${from} → ${to} by ${trigger}`).toBe(trigger === 'system' && ALLOWED[from].includes(to));
    }
  });

  it('never revives a canceled subscription and never moves back to incomplete', () => {
    expect(subscriptionLifecycle.isFinal('canceled')).toBe(true);
    for (const status of SUBSCRIPTION_STATUSES) {
      expect(subscriptionLifecycle.canMove('canceled', status)).toBe(false);
      expect(subscriptionLifecycle.canMove(status, 'incomplete')).toBe(false);
    }
  });

  it('reaches every status from incomplete, and canceled from every status', () => {
    expect([...subscriptionLifecycle.reachable()].sort()).toEqual([...SUBSCRIPTION_STATUSES].sort());
    for (const status of SUBSCRIPTION_STATUSES.filter((s) => s !== 'canceled'))
      expect(subscriptionLifecycle.canMove(status, 'canceled')).toBe(true);
  });
});
