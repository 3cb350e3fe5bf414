import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { consultationLifecycle } from './consultation.lifecycle.js';
import { contactMessageLifecycle } from './contact-message.lifecycle.js';
import { ticketLifecycle } from './ticket.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('support lifecycles, every (from, to, trigger) pair', () => {
  it('tickets: staff work them, the system follows messages, the requester only reopens; closed is final', () => {
    const verdicts = walkLifecycle(ticketLifecycle);
    expect(verdicts).toHaveLength(5 * 5 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'open→in_progress by staff',
      'open→in_progress by system',
      'open→waiting_on_customer by staff',
      'open→resolved by staff',
      'open→closed by staff',
      'in_progress→waiting_on_customer by staff',
      'in_progress→resolved by staff',
      'in_progress→closed by staff',
      'waiting_on_customer→in_progress by staff',
      'waiting_on_customer→in_progress by system',
      'waiting_on_customer→resolved by staff',
      'waiting_on_customer→closed by staff',
      'resolved→open by owner',
      'resolved→in_progress by staff',
      'resolved→closed by staff',
    ]);
    expect(ticketLifecycle.isFinal('closed')).toBe(true);
    expect([...ticketLifecycle.reachable()].sort()).toEqual([...ticketLifecycle.states].sort());
  });

  it('consultations: staff confirm, reschedule (confirmed → confirmed) and close; the requester may cancel', () => {
    const verdicts = walkLifecycle(consultationLifecycle);
    expect(verdicts).toHaveLength(5 * 5 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'requested→confirmed by staff',
      'requested→canceled by owner',
      'requested→canceled by staff',
      'confirmed→confirmed by staff',
      'confirmed→completed by staff',
      'confirmed→canceled by owner',
      'confirmed→canceled by staff',
      'confirmed→no_show by staff',
    ]);
    for (const end of ['completed', 'canceled', 'no_show'] as const) expect(consultationLifecycle.isFinal(end)).toBe(true);
    expect([...consultationLifecycle.reachable()].sort()).toEqual([...consultationLifecycle.states].sort());
  });

  it('contact messages: only staff decide, and a decision is final', () => {
    const verdicts = walkLifecycle(contactMessageLifecycle);
    expect(verdicts).toHaveLength(5 * 5 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'new→triaged by staff',
      'new→converted by staff',
      'new→spam by staff',
      'new→closed by staff',
      'triaged→converted by staff',
      'triaged→spam by staff',
      'triaged→closed by staff',
    ]);
    for (const end of ['converted', 'spam', 'closed'] as const) expect(contactMessageLifecycle.isFinal(end)).toBe(true);
  });

  it('answers a forbidden move with 409 naming both states', () => {
    expect(() => ticketLifecycle.assertMove('closed', 'open', 'staff')).toThrow(/A ticket cannot move from closed to open/);
    expect(() => ticketLifecycle.assertMove('resolved', 'open', 'staff')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
