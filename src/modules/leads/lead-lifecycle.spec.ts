import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { leadLifecycle, leadTrigger } from './lead.lifecycle.js';

const WORKERS = ['owner', 'participant', 'staff'];
const MANAGERS = ['owner', 'staff'];

/** The lead lifecycle in words: every allowed (from → to, trigger); anything else is refused. */
const ALLOWED: Record<string, string[]> = {
  'new→contacted': [...WORKERS, 'system'],
  'new→qualified': WORKERS,
  'contacted→qualified': WORKERS,
  'qualified→converted': WORKERS,
  'new→lost': WORKERS,
  'contacted→lost': WORKERS,
  'qualified→lost': WORKERS,
  'lost→new': MANAGERS,
  'new→do_not_call': MANAGERS,
  'contacted→do_not_call': MANAGERS,
  'qualified→do_not_call': MANAGERS,
  'lost→do_not_call': MANAGERS,
  'do_not_call→new': MANAGERS,
};

describe('lead lifecycle', () => {
  it('allows exactly the moves written down, pair by pair', () => {
    for (const { from, to, trigger, allowed } of walkLifecycle(leadLifecycle))
      expect({ from, to, trigger, allowed }).toEqual({ from, to, trigger, allowed: (ALLOWED[`${from}→${to}`] ?? []).includes(trigger) });
  });

  it('reaches every state from new; converted is final; do_not_call is left only by a manager', () => {
    expect([...leadLifecycle.reachable()].sort()).toEqual([...leadLifecycle.states].sort());
    expect(leadLifecycle.isFinal('converted')).toBe(true);
    expect(leadLifecycle.next('do_not_call')).toEqual(['new']);
    expect(leadLifecycle.mayTrigger('do_not_call', 'new', 'system')).toBe(false);
    expect(leadLifecycle.mayTrigger('do_not_call', 'new', 'participant')).toBe(false);
  });

  it('reads the caller as a trigger', () => {
    const ctx = (roles: string[]) => ({ client: {}, requestId: 'r', tenant: { id: 't', roles } }) as never;
    expect(leadTrigger(ctx(['owner']))).toBe('owner');
    expect(leadTrigger(ctx(['admin']))).toBe('owner');
    expect(leadTrigger(ctx(['member']))).toBe('participant');
    expect(leadTrigger(ctx([]))).toBe('staff');
    expect(leadTrigger({ client: {}, requestId: 'r', system: true })).toBe('system');
  });
});
