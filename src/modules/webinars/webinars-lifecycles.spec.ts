import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { registrationLifecycle } from './registration.lifecycle.js';
import { webinarLifecycle } from './webinar.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('webinars lifecycles, every (from, to, trigger) pair', () => {
  it('webinars: only staff publish, take live, end or cancel them; ended and canceled are final', () => {
    const verdicts = walkLifecycle(webinarLifecycle);
    expect(verdicts).toHaveLength(5 * 5 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'draft→scheduled by staff',
      'draft→canceled by staff',
      'scheduled→live by staff',
      'scheduled→canceled by staff',
      'live→ended by staff',
    ]);
    for (const end of ['ended', 'canceled'] as const) expect(webinarLifecycle.isFinal(end)).toBe(true);
    expect([...webinarLifecycle.reachable()].sort()).toEqual([...webinarLifecycle.states].sort());
  });

  it('registrations: the system promotes from the waitlist, the registrant or staff cancel, joining makes attended', () => {
    const verdicts = walkLifecycle(registrationLifecycle);
    expect(verdicts).toHaveLength(4 * 4 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'confirmed→attended by owner',
      'confirmed→canceled by owner',
      'confirmed→canceled by staff',
      'waitlisted→confirmed by system',
      'waitlisted→canceled by owner',
      'waitlisted→canceled by staff',
    ]);
    for (const end of ['attended', 'canceled'] as const) expect(registrationLifecycle.isFinal(end)).toBe(true);
  });

  it('answers a forbidden move with 409 naming both states', () => {
    expect(() => webinarLifecycle.assertMove('ended', 'live', 'staff')).toThrow(/A webinar cannot move from ended to live/);
    expect(() => registrationLifecycle.assertMove('attended', 'canceled', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
