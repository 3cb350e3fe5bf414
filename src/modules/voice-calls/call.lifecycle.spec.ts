import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { CALL_RANK, callLifecycle, isFinalCall } from './call.lifecycle.js';
import { FINAL_CALL_STATUSES } from './voice-calls.events.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('call lifecycle, every (from, to, trigger) pair', () => {
  it('provider events drive a call forward; the caller may cancel one not yet answered', () => {
    const verdicts = walkLifecycle(callLifecycle);
    expect(verdicts).toHaveLength(8 * 8 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'queued→ringing by system',
      'queued→in_progress by system',
      'queued→completed by system',
      'queued→failed by system',
      'queued→no_answer by system',
      'queued→busy by system',
      'queued→canceled by owner',
      'queued→canceled by system',
      'ringing→in_progress by system',
      'ringing→completed by system',
      'ringing→failed by system',
      'ringing→no_answer by system',
      'ringing→busy by system',
      'ringing→canceled by owner',
      'ringing→canceled by system',
      'in_progress→completed by system',
      'in_progress→failed by system',
    ]);
  });

  it('final states never move, every state is reachable, and moves only go up in rank', () => {
    for (const end of FINAL_CALL_STATUSES) {
      expect(callLifecycle.isFinal(end)).toBe(true);
      expect(isFinalCall(end)).toBe(true);
    }
    expect([...callLifecycle.reachable()].sort()).toEqual([...callLifecycle.states].sort());
    for (const move of callLifecycle.table.moves) expect(CALL_RANK[move.to]).toBeGreaterThan(CALL_RANK[move.from]);
  });

  it('answers a backwards move with 409', () => {
    expect(() => callLifecycle.assertMove('in_progress', 'ringing', 'system')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => callLifecycle.assertMove('in_progress', 'canceled', 'owner')).toThrow(/A call cannot move from in_progress to canceled/);
  });
});
