import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { callBatchLifecycle } from './call-batch.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('call batch lifecycle, every (from, to, trigger) pair', () => {
  it('callers pause, resume and cancel; the system pauses and completes', () => {
    const verdicts = walkLifecycle(callBatchLifecycle);
    expect(verdicts).toHaveLength(4 * 4 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'running→paused by owner',
      'running→paused by system',
      'running→completed by system',
      'running→canceled by owner',
      'paused→running by owner',
      'paused→canceled by owner',
    ]);
  });

  it('ends in completed or canceled, and reaches every state', () => {
    expect(callBatchLifecycle.isFinal('completed')).toBe(true);
    expect(callBatchLifecycle.isFinal('canceled')).toBe(true);
    expect([...callBatchLifecycle.reachable()].sort()).toEqual([...callBatchLifecycle.states].sort());
  });

  it('answers a forbidden move with 409 naming both states', () => {
    expect(() => callBatchLifecycle.assertMove('completed', 'running', 'owner')).toThrow(/cannot move from completed to running/);
    expect(() => callBatchLifecycle.assertMove('running', 'completed', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => callBatchLifecycle.assertMove('paused', 'completed', 'system')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
