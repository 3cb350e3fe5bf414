import { describe, expect, it } from 'vitest';
import { walkLifecycle } from '../../core/lifecycle/index.js';
import { applicationLifecycle, FINAL_APPLICATION_STATUSES } from './application.lifecycle.js';

const allowedPairs = (verdicts: ReturnType<typeof walkLifecycle<string>>) =>
  verdicts.filter((verdict) => verdict.allowed).map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);

describe('careers lifecycle, every (from, to, trigger) pair', () => {
  it('applications: staff move forward and reject, the applicant withdraws and answers offers, staff hire', () => {
    const verdicts = walkLifecycle(applicationLifecycle);
    expect(verdicts).toHaveLength(13 * 13 * 4);
    expect(allowedPairs(verdicts)).toEqual([
      'submitted→screening by staff',
      'submitted→rejected by staff',
      'submitted→withdrawn by owner',
      'screening→assessment by staff',
      'screening→phone_interview by staff',
      'screening→rejected by staff',
      'screening→withdrawn by owner',
      'assessment→phone_interview by staff',
      'assessment→technical_interview by staff',
      'assessment→rejected by staff',
      'assessment→withdrawn by owner',
      'phone_interview→technical_interview by staff',
      'phone_interview→onsite_interview by staff',
      'phone_interview→rejected by staff',
      'phone_interview→withdrawn by owner',
      'technical_interview→onsite_interview by staff',
      'technical_interview→reference_check by staff',
      'technical_interview→rejected by staff',
      'technical_interview→withdrawn by owner',
      'onsite_interview→reference_check by staff',
      'onsite_interview→offer_extended by staff',
      'onsite_interview→rejected by staff',
      'onsite_interview→withdrawn by owner',
      'reference_check→offer_extended by staff',
      'reference_check→rejected by staff',
      'reference_check→withdrawn by owner',
      'offer_extended→offer_accepted by owner',
      'offer_extended→offer_declined by owner',
      'offer_extended→rejected by staff',
      'offer_extended→withdrawn by owner',
      'offer_accepted→hired by staff',
      'offer_accepted→withdrawn by owner',
    ]);
    for (const end of FINAL_APPLICATION_STATUSES) expect(applicationLifecycle.isFinal(end)).toBe(true);
    expect(applicationLifecycle.states.filter((state) => applicationLifecycle.isFinal(state)).sort()).toEqual(
      [...FINAL_APPLICATION_STATUSES].sort(),
    );
    expect([...applicationLifecycle.reachable()].sort()).toEqual([...applicationLifecycle.states].sort());
  });

  it('answers a jump over stages with 409 naming both states', () => {
    expect(() => applicationLifecycle.assertMove('submitted', 'hired', 'staff')).toThrow(
      /A job application cannot move from submitted to hired/,
    );
    expect(() => applicationLifecycle.assertMove('hired', 'withdrawn', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
