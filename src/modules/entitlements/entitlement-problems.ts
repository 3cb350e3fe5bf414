import { HttpStatus } from '@nestjs/common';
import { iso } from '../../core/http/serialize.js';
import { ProblemException } from '../../core/http/problem.js';
import type { FeatureEntry, PlanEntry } from './entitlements-catalogue.js';
import type { Subject } from './subject.js';

/** The way up a refusal offers: the plan, its list price and cycle. */
export const upgradeOf = (plan: PlanEntry | undefined) =>
  plan ? { key: plan.key, name: plan.name, price: plan.price, currency: plan.currency, billingCycle: plan.billingCycle } : null;

const featureOf = (feature: FeatureEntry) => ({ key: feature.key, name: feature.name });

/** 402: the subject's plan (and overrides) do not include the feature; paying for another plan would. */
export class FeatureNotIncludedProblem extends ProblemException {
  constructor(feature: FeatureEntry, subject: Subject, planKey: string, upgrade: PlanEntry | undefined) {
    super(
      HttpStatus.PAYMENT_REQUIRED,
      'feature-not-included',
      'Feature not included',
      `The ${planKey} plan of this ${subject.type} does not include ${feature.name}` +
        (upgrade ? `; the ${upgrade.name} plan does.` : '; no plan on sale includes it.'),
      { feature: featureOf(feature), planKey, upgradePlan: upgradeOf(upgrade) },
    );
  }
}

export interface QuotaFacts {
  feature: FeatureEntry;
  limit: number;
  used: number;
  requested: number;
  upgrade: PlanEntry | undefined;
}

/**
 * 429 for a periodic limit used up: the same request succeeds again once the period resets, which
 * Retry-After (seconds) and resetsAt say. 402 is kept for what only another plan gives.
 */
export class QuotaExceededProblem extends ProblemException {
  constructor(
    facts: QuotaFacts,
    resetsAt: Date,
    readonly retryAfter: number,
  ) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'quota-exceeded',
      'Quota exceeded',
      `${facts.feature.name}: ${facts.used} of ${facts.limit} used this period; ${facts.requested} more do not fit.`,
      {
        feature: featureOf(facts.feature),
        limit: facts.limit,
        used: facts.used,
        requested: facts.requested,
        resetsAt: iso(resetsAt),
        upgradePlan: upgradeOf(facts.upgrade),
      },
    );
  }

  override getResponse(): { message: string; retryAfter: number } {
    return { message: this.message, retryAfter: this.retryAfter };
  }
}

/** 402 for a cap (seats) that is full: it never resets, so waiting does not help; a larger plan (or freeing units) does. */
export class LimitReachedProblem extends ProblemException {
  constructor(facts: QuotaFacts) {
    super(
      HttpStatus.PAYMENT_REQUIRED,
      'limit-reached',
      'Limit reached',
      `${facts.feature.name}: ${facts.used} of ${facts.limit} in use; ${facts.requested} more do not fit.`,
      {
        feature: featureOf(facts.feature),
        limit: facts.limit,
        used: facts.used,
        requested: facts.requested,
        upgradePlan: upgradeOf(facts.upgrade),
      },
    );
  }
}

export const featureNotFound = (key: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'feature-not-found', 'No such feature', `There is no feature ${key}.`);

export const planNotFound = (key: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'plan-not-found', 'No such plan', `There is no plan ${key}.`);

export const notMetered = (feature: FeatureEntry) =>
  new ProblemException(
    HttpStatus.BAD_REQUEST,
    'feature-not-metered',
    'Feature not metered',
    `${feature.key} is a ${feature.type} feature; only limits are metered.`,
  );
