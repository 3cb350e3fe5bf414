import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { refundRequestLifecycle } from './refund-request.lifecycle.js';

describe('refund request lifecycle', () => {
  it('lets staff review a request once, and the refund alone process it', () => {
    const allowed = walkLifecycle(refundRequestLifecycle)
      .filter((verdict) => verdict.allowed)
      .map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);
    expect(allowed).toEqual([
      'requested→approved by staff',
      'requested→rejected by staff',
      'approved→processed by system',
      'approved→rejected by staff',
      'approved→rejected by system',
    ]);
  });

  it('keeps processed and rejected requests final', () => {
    expect(refundRequestLifecycle.isFinal('processed')).toBe(true);
    expect(refundRequestLifecycle.isFinal('rejected')).toBe(true);
  });
});
