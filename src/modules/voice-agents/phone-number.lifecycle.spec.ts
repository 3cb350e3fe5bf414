import { describe, expect, it } from 'vitest';
import { TRIGGERS, walkLifecycle } from '../../core/lifecycle/index.js';
import { PHONE_NUMBER_STATUSES, phoneNumberLifecycle, type PhoneNumberStatus } from './phone-number.lifecycle.js';

/** Who may move a number where: managers and staff everywhere; the carrier's bookkeeping (system) never reactivates. */
const MOVES: Record<PhoneNumberStatus, PhoneNumberStatus[]> = {
  active: ['suspended', 'released'],
  suspended: ['active', 'released'],
  released: [],
};

describe('phone number lifecycle', () => {
  it('answers every (from, to, trigger) pair as the rules say', () => {
    const verdicts = walkLifecycle(phoneNumberLifecycle);
    expect(verdicts).toHaveLength(PHONE_NUMBER_STATUSES.length ** 2 * TRIGGERS.length);
    for (const { from, to, trigger, allowed } of verdicts) {
      const expected =
        trigger === 'owner' || trigger === 'staff'
          ? MOVES[from].includes(to)
          : trigger === 'system'
            ? MOVES[from].includes(to) && to !== 'active'
            : false;
      expect(allowed, `${from} → ${to} by ${trigger}`).toBe(expected);
    }
  });

  it('keeps a released number released', () => {
    expect(phoneNumberLifecycle.isFinal('released')).toBe(true);
    expect(phoneNumberLifecycle.canMove('released', 'active')).toBe(false);
  });
});
