import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { sessionLifecycle } from './session.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('session lifecycle, every (from, to, trigger) pair', () => {
  it('participants run and cancel sessions, staff cancel until the end, the system marks no-shows', () => {
    const verdicts = walkLifecycle(sessionLifecycle);
    expect(verdicts).toHaveLength(6 * 6 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'scheduled→scheduled by participant',
      'scheduled→scheduled by staff',
      'scheduled→ongoing by participant',
      'scheduled→cancelled by participant',
      'scheduled→cancelled by staff',
      'scheduled→no_show by system',
      'ongoing→paused by participant',
      'ongoing→completed by participant',
      'ongoing→cancelled by staff',
      'paused→ongoing by participant',
      'paused→completed by participant',
      'paused→cancelled by staff',
    ]);
  });

  it('ends in completed, cancelled or no_show, and reaches every state', () => {
    for (const end of ['completed', 'cancelled', 'no_show'] as const) expect(sessionLifecycle.isFinal(end)).toBe(true);
    expect([...sessionLifecycle.reachable()].sort()).toEqual([...sessionLifecycle.states].sort());
  });

  it('answers a forbidden move with 409 naming both states', () => {
    expect(() => sessionLifecycle.assertMove('completed', 'ongoing', 'participant')).toThrow(
      /A session cannot move from completed to ongoing/,
    );
    expect(() => sessionLifecycle.assertMove('scheduled', 'no_show', 'participant')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => sessionLifecycle.assertMove('ongoing', 'cancelled', 'participant')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
