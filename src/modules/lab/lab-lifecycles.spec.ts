import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { experimentLifecycle } from './experiment.lifecycle.js';

describe('the lab experiment lifecycle, every (from, to, trigger) pair', () => {
  it('lets the owner move a run forward only; succeeded and failed are final', () => {
    const verdicts = walkLifecycle(experimentLifecycle);
    expect(verdicts).toHaveLength(4 * 4 * 4);
    expect(verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`)).toEqual([
      'queued→running by owner',
      'queued→succeeded by owner',
      'queued→failed by owner',
      'running→succeeded by owner',
      'running→failed by owner',
    ]);
    expect(experimentLifecycle.isFinal('succeeded')).toBe(true);
    expect(experimentLifecycle.isFinal('failed')).toBe(true);
    expect([...experimentLifecycle.reachable()].sort()).toEqual([...experimentLifecycle.states].sort());
  });

  it('answers a backward move with 409', () => {
    expect(() => experimentLifecycle.assertMove('succeeded', 'running', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
