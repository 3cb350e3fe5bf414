import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayAfter } from './delivery-backoff.js';

const minutes = (n: number) => n * 60_000;

describe('delivery backoff', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 8 h after each failed attempt, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayAfter)).toEqual([minutes(1), minutes(5), minutes(30), minutes(120), minutes(480)]);
    expect(retryDelayAfter(6)).toBeUndefined();
    expect(retryDelayAfter(0)).toBeUndefined();
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('never shortens a wait from one attempt to the next', () => {
    for (let attempt = 2; attempt < MAX_ATTEMPTS; attempt++)
      expect(retryDelayAfter(attempt)!).toBeGreaterThan(retryDelayAfter(attempt - 1)!);
  });
});
