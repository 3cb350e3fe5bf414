import { describe, expect, it } from 'vitest';
import { TRIGGERS, walkLifecycle } from '../../core/lifecycle/index.js';
import { AGENT_STATUSES, agentLifecycle, type AgentStatus } from './voice-agent.lifecycle.js';

/** The rules in words: where the tenant's managers and staff may move an agent from each status. */
const MOVES: Record<AgentStatus, AgentStatus[]> = {
  draft: ['active', 'archived'],
  active: ['paused', 'archived'],
  paused: ['active', 'archived'],
  archived: [],
};

describe('voice agent lifecycle', () => {
  it('answers every (from, to, trigger) pair as the rules say: managers and staff only, never the system', () => {
    const verdicts = walkLifecycle(agentLifecycle);
    expect(verdicts).toHaveLength(AGENT_STATUSES.length ** 2 * TRIGGERS.length);
    for (const { from, to, trigger, allowed } of verdicts) {
      const expected = (trigger === 'owner' || trigger === 'staff') && MOVES[from].includes(to);
      expect(allowed, `${from} → ${to} by ${trigger}`).toBe(expected);
    }
  });

  it('refuses a refused move with 409 naming both states', () => {
    expect(() => agentLifecycle.assertMove('archived', 'active', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => agentLifecycle.assertMove('draft', 'paused', 'staff')).toThrow();
    expect(() => agentLifecycle.assertMove('active', 'paused', 'owner')).not.toThrow();
  });

  it('starts as a draft, ends archived, and reaches every status', () => {
    expect(agentLifecycle.table.initial).toBe('draft');
    expect(agentLifecycle.isFinal('archived')).toBe(true);
    for (const status of ['draft', 'active', 'paused'] as const) expect(agentLifecycle.isFinal(status)).toBe(false);
    expect([...agentLifecycle.reachable()].sort()).toEqual([...AGENT_STATUSES].sort());
  });
});
