import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { suggestionLifecycle } from './suggestion.lifecycle.js';
import { voteDelta } from './suggestion-fields.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('suggestion lifecycle, every (from, to, trigger) pair', () => {
  it('staff move a suggestion forward one step, or decline it before it ships; implemented and declined are final', () => {
    const verdicts = walkLifecycle(suggestionLifecycle);
    expect(verdicts).toHaveLength(6 * 6 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'submitted→under_review by staff',
      'submitted→declined by staff',
      'under_review→planned by staff',
      'under_review→declined by staff',
      'planned→in_progress by staff',
      'planned→declined by staff',
      'in_progress→implemented by staff',
      'in_progress→declined by staff',
    ]);
    expect(suggestionLifecycle.isFinal('implemented')).toBe(true);
    expect(suggestionLifecycle.isFinal('declined')).toBe(true);
    expect([...suggestionLifecycle.reachable()].sort()).toEqual([...suggestionLifecycle.states].sort());
  });

  it('answers a jump with 409 naming both states', () => {
    expect(() => suggestionLifecycle.assertMove('submitted', 'implemented', 'staff')).toThrow(
      /A suggestion cannot move from submitted to implemented/,
    );
    expect(() => suggestionLifecycle.assertMove('submitted', 'under_review', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('what one vote changes on the counters', () => {
  it('counts a first vote, a change of direction and a withdrawal exactly once each', () => {
    expect(voteDelta(undefined, 'up')).toEqual({ up: 1, down: 0 });
    expect(voteDelta(undefined, 'down')).toEqual({ up: 0, down: 1 });
    expect(voteDelta('up', 'down')).toEqual({ up: -1, down: 1 });
    expect(voteDelta('down', 'up')).toEqual({ up: 1, down: -1 });
    expect(voteDelta('up', undefined)).toEqual({ up: -1, down: 0 });
    expect(voteDelta('up', 'up')).toEqual({ up: 0, down: 0 });
    expect(voteDelta(undefined, undefined)).toEqual({ up: 0, down: 0 });
  });
});
