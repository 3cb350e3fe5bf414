import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { INVITE_LIFECYCLE } from './invite.lifecycle.js';
import { MEMBERSHIP_LIFECYCLE, roleTrigger } from './membership.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('tenancy lifecycles, every (from, to, trigger) pair', () => {
  it('invites: the invitee accepts, managers and staff revoke or renew, the system expires; accepted and revoked are final', () => {
    const verdicts = walkLifecycle(INVITE_LIFECYCLE);
    expect(verdicts).toHaveLength(4 * 4 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'pending→accepted by owner',
      'pending→revoked by participant',
      'pending→revoked by staff',
      'pending→expired by system',
      'expired→pending by participant',
      'expired→pending by staff',
      'expired→revoked by participant',
      'expired→revoked by staff',
    ]);
    expect(INVITE_LIFECYCLE.isFinal('accepted')).toBe(true);
    expect(INVITE_LIFECYCLE.isFinal('revoked')).toBe(true);
    expect([...INVITE_LIFECYCLE.reachable()].sort()).toEqual([...INVITE_LIFECYCLE.states].sort());
  });

  it('membership roles: owners and staff move anyone; admins never touch ownership; the system only hands ownership on', () => {
    const verdicts = walkLifecycle(MEMBERSHIP_LIFECYCLE);
    expect(verdicts).toHaveLength(4 * 4 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'owner→admin by owner',
      'owner→admin by staff',
      'owner→member by owner',
      'owner→member by staff',
      'owner→viewer by owner',
      'owner→viewer by staff',
      'admin→owner by owner',
      'admin→owner by staff',
      'admin→owner by system',
      'admin→member by owner',
      'admin→member by participant',
      'admin→member by staff',
      'admin→viewer by owner',
      'admin→viewer by participant',
      'admin→viewer by staff',
      'member→owner by owner',
      'member→owner by staff',
      'member→owner by system',
      'member→admin by owner',
      'member→admin by participant',
      'member→admin by staff',
      'member→viewer by owner',
      'member→viewer by participant',
      'member→viewer by staff',
      'viewer→owner by owner',
      'viewer→owner by staff',
      'viewer→admin by owner',
      'viewer→admin by participant',
      'viewer→admin by staff',
      'viewer→member by owner',
      'viewer→member by participant',
      'viewer→member by staff',
    ]);
  });

  it('a caller acts by its tenant role first, then as staff; plain members and viewers trigger nothing', () => {
    expect(roleTrigger(['owner'], false)).toBe('owner');
    expect(roleTrigger(['admin'], true)).toBe('participant');
    expect(roleTrigger([], true)).toBe('staff');
    expect(roleTrigger(['member'], false)).toBeUndefined();
    expect(roleTrigger(['viewer'], false)).toBeUndefined();
  });
});
