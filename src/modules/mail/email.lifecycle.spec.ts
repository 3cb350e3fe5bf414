import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { CLAIMABLE_STATUSES, emailLifecycle } from './email.lifecycle.js';

describe('queued email lifecycle', () => {
  it('allows exactly the worker moves and the admin retry', () => {
    const allowed = walkLifecycle(emailLifecycle)
      .filter((verdict) => verdict.allowed)
      .map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);
    expect(allowed).toEqual([
      'pending→sending by system',
      'sending→sending by system',
      'sending→sent by system',
      'sending→failed by system',
      'sending→dead by system',
      'failed→sending by system',
      'dead→pending by staff',
    ]);
  });

  it('lets workers claim pending, failed and lease-expired sending mail, never sent or dead mail', () => {
    expect([...CLAIMABLE_STATUSES].sort()).toEqual(['failed', 'pending', 'sending']);
  });

  it('ends only in sent; a dead email waits for an admin', () => {
    expect(emailLifecycle.isFinal('sent')).toBe(true);
    expect(emailLifecycle.next('dead')).toEqual(['pending']);
    expect(() => emailLifecycle.assertMove('sent', 'pending', 'staff')).toThrow(/cannot move from sent to pending/);
    expect([...emailLifecycle.reachable()].sort()).toEqual(['dead', 'failed', 'pending', 'sending', 'sent']);
  });
});
