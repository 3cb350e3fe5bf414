import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { emailCaptureLifecycle } from './email-capture.lifecycle.js';

describe('email capture lifecycle, every (from, to, trigger) pair', () => {
  it('lets only the address holder confirm, unsubscribe and sign up again; staff and the system move nothing', () => {
    const verdicts = walkLifecycle(emailCaptureLifecycle);
    expect(verdicts).toHaveLength(3 * 3 * 4);
    expect(verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`)).toEqual([
      'pending→confirmed by owner',
      'pending→unsubscribed by owner',
      'confirmed→unsubscribed by owner',
      'unsubscribed→pending by owner',
    ]);
  });

  it('never takes a confirmed address back to pending, nor confirms an unsubscribed one without a new sign-up', () => {
    expect(emailCaptureLifecycle.canMove('confirmed', 'pending')).toBe(false);
    expect(emailCaptureLifecycle.canMove('unsubscribed', 'confirmed')).toBe(false);
    expect([...emailCaptureLifecycle.reachable()].sort()).toEqual(['confirmed', 'pending', 'unsubscribed']);
  });
});
