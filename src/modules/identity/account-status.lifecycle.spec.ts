import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { accountLifecycle } from './account-status.lifecycle.js';

describe('account lifecycle', () => {
  it('lets admins deactivate and reactivate, and only the owner delete an active account', () => {
    const allowed = walkLifecycle(accountLifecycle)
      .filter((verdict) => verdict.allowed)
      .map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);
    expect(allowed).toEqual(['active→deactivated by staff', 'active→deleted by owner', 'deactivated→active by staff']);
  });

  it('makes deletion final and every state reachable', () => {
    expect(accountLifecycle.isFinal('deleted')).toBe(true);
    expect([...accountLifecycle.reachable()].sort()).toEqual(['active', 'deactivated', 'deleted']);
  });
});
