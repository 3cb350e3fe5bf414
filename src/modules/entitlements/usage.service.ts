import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { iso } from '../../core/http/serialize.js';
import { EntitlementsConfig } from './entitlements.config.js';
import { cheapestPlanWhere } from './entitlements-catalogue.js';
import { EntitlementResolver } from './entitlement-resolver.js';
import { LimitReachedProblem, notMetered, QuotaExceededProblem, type QuotaFacts } from './entitlement-problems.js';
import type { LimitPeriod } from './feature-values.js';
import { UsageCounter } from './schemas/usage-counter.schema.js';
import type { Subject } from './subject.js';
import { secondsUntil, usagePeriodOf, type UsagePeriod } from './usage-periods.js';

export interface UsageReceipt {
  featureKey: string;
  units: number;
  used: number;
  limit: number;
  remaining: number;
  resetsAt?: string;
}

export interface UsageLine {
  featureKey: string;
  name: string;
  period: LimitPeriod;
  unit?: string;
  used: number;
  limit: number;
  remaining: number;
  periodStart: string;
  resetsAt?: string;
}

type CounterKey = Pick<UsageCounter, 'subjectType' | 'subjectId' | 'featureKey' | 'periodStart'>;
const COUNTER_FIELDS = { _id: 0, featureKey: 1, periodStart: 1, used: 1 } as const;

const keyOf = (subject: Subject, featureKey: string, period: UsagePeriod): CounterKey => ({
  subjectType: subject.type,
  subjectId: new Types.ObjectId(subject.id),
  featureKey,
  periodStart: period.start,
});

/**
 * Metered limits. Consuming is one conditional atomic update of the period's counter: `$inc` only
 * where `used <= limit - units`, so concurrent consumers can never take more than the limit between
 * them (100 at once against 10 → exactly 10 succeed). The counter is created on first use by an
 * upsert; two first uses racing on the unique key is a duplicate key, which just means it exists.
 */
@Injectable()
export class Usage {
  constructor(
    @InjectModel(UsageCounter.name) private readonly counters: Model<UsageCounter>,
    private readonly resolver: EntitlementResolver,
    private readonly config: EntitlementsConfig,
  ) {}

  /** Takes `units` of a limited feature for the subject, or refuses: 429 when the period is used up, 402 when a cap is full. */
  async consume(subject: Subject, featureKey: string, units = 1): Promise<UsageReceipt> {
    this.assertUnits(units);
    const now = new Date();
    const { entitlement, feature, snapshot } = await this.resolver.one(subject, featureKey, now);
    if (feature.type !== 'limit') throw notMetered(feature);
    const limit = Number(entitlement.value);
    const period = usagePeriodOf(feature.period ?? 'none', now);
    const key = keyOf(subject, featureKey, period);
    if (units <= limit) {
      const counter =
        (await this.take(key, units, limit)) ?? (await this.ensure(key, limit, period).then(() => this.take(key, units, limit)));
      if (counter) return this.receipt(featureKey, units, counter.used, limit, period);
    }
    const used = (await this.counters.findOne(key, { _id: 0, used: 1 }).lean<{ used: number }>())?.used ?? 0;
    const facts: QuotaFacts = {
      feature,
      limit,
      used,
      requested: units,
      upgrade: cheapestPlanWhere(snapshot, feature, (value) => typeof value === 'number' && value >= used + units && value > limit),
    };
    if (!period.resetsAt) throw new LimitReachedProblem(facts);
    throw new QuotaExceededProblem(facts, period.resetsAt, secondsUntil(period.resetsAt, now));
  }

  /** Gives units of a cap back (a seat freed); never below zero. Periodic usage is not given back. */
  async release(subject: Subject, featureKey: string, units = 1): Promise<void> {
    this.assertUnits(units);
    const key = keyOf(subject, featureKey, usagePeriodOf('none', new Date()));
    await this.counters.updateOne({ ...key, used: trusted({ $gte: units }) }, { $inc: { used: -units } });
  }

  /**
   * Sets the period's use of a limited feature to an absolute amount the caller computed (a month's sum of call
   * minutes), never lowering it: `$max`, so a retried or out-of-order settle never double counts or goes back.
   * Unlike `consume` it does not refuse: the units were used already; the limit refuses the next request.
   */
  async settle(subject: Subject, featureKey: string, usedInPeriod: number, at = new Date()): Promise<void> {
    if (!Number.isSafeInteger(usedInPeriod) || usedInPeriod < 0)
      throw new ValidationProblem([{ field: 'usedInPeriod', message: 'must be a whole number of at least 0' }]);
    const { entitlement, feature } = await this.resolver.one(subject, featureKey, at);
    if (feature.type !== 'limit') throw notMetered(feature);
    const limit = Number(entitlement.value);
    const period = usagePeriodOf(feature.period ?? 'none', at);
    const key = keyOf(subject, featureKey, period);
    const update = {
      $max: { used: usedInPeriod },
      $set: { limit },
      ...(period.resetsAt ? { $setOnInsert: { resetsAt: period.resetsAt } } : {}),
    };
    try {
      await this.counters.updateOne(key, update, { upsert: true });
    } catch (error) {
      // Two first settles raced on the unique key: the counter exists now; apply the max to it.
      if (!isDuplicateKey(error)) throw error;
      await this.counters.updateOne(key, { $max: { used: usedInPeriod }, $set: { limit } });
    }
  }

  /** The subject's use, limit and what remains of a limited feature in its current period. */
  async remaining(subject: Subject, featureKey: string): Promise<{ used: number; limit: number; remaining: number; resetsAt?: string }> {
    const now = new Date();
    const { entitlement, feature } = await this.resolver.one(subject, featureKey, now);
    if (feature.type !== 'limit') throw notMetered(feature);
    const limit = Number(entitlement.value);
    const period = usagePeriodOf(feature.period ?? 'none', now);
    const used = (await this.counters.findOne(keyOf(subject, featureKey, period), { _id: 0, used: 1 }).lean<{ used: number }>())?.used ?? 0;
    return { used, limit, remaining: Math.max(0, limit - used), ...(period.resetsAt ? { resetsAt: iso(period.resetsAt) } : {}) };
  }

  /** Every limited feature's use in its current period, with the effective limit. */
  async report(subject: Subject): Promise<{ planKey: string; items: UsageLine[] }> {
    const now = new Date();
    const { planKey, items } = await this.resolver.all(subject, now);
    const limits = items.filter(({ feature }) => feature.type === 'limit');
    const periods = new Map(limits.map(({ feature }) => [feature.key, usagePeriodOf(feature.period ?? 'none', now)]));
    const counters = await this.counters
      .find(
        {
          subjectType: subject.type,
          subjectId: new Types.ObjectId(subject.id),
          featureKey: trusted({ $in: [...periods.keys()] }),
          periodStart: trusted({
            $in: [...new Set([...periods.values()].map((period) => period.start.getTime()))].map((t) => new Date(t)),
          }),
        },
        COUNTER_FIELDS,
      )
      .lean<Pick<UsageCounter, 'featureKey' | 'periodStart' | 'used'>[]>();
    const usedOf = (featureKey: string, start: Date) =>
      counters.find((counter) => counter.featureKey === featureKey && counter.periodStart.getTime() === start.getTime())?.used ?? 0;
    return {
      planKey,
      items: limits.map(({ feature, entitlement }) => {
        const period = periods.get(feature.key)!;
        const limit = Number(entitlement.value);
        const used = usedOf(feature.key, period.start);
        return {
          featureKey: feature.key,
          name: feature.name,
          period: feature.period ?? 'none',
          ...(feature.unit ? { unit: feature.unit } : {}),
          used,
          limit,
          remaining: Math.max(0, limit - used),
          periodStart: iso(period.start)!,
          ...(period.resetsAt ? { resetsAt: iso(period.resetsAt) } : {}),
        };
      }),
    };
  }

  private take(key: CounterKey, units: number, limit: number): Promise<{ used: number } | null> {
    return this.counters
      .findOneAndUpdate(
        { ...key, used: trusted({ $lte: limit - units }) },
        { $inc: { used: units }, $set: { limit } },
        { returnDocument: 'after', projection: { _id: 0, used: 1 } },
      )
      .lean<{ used: number }>();
  }

  private async ensure(key: CounterKey, limit: number, period: UsagePeriod): Promise<void> {
    try {
      await this.counters.updateOne(
        key,
        { $setOnInsert: { used: 0, limit, ...(period.resetsAt ? { resetsAt: period.resetsAt } : {}) } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  private receipt(featureKey: string, units: number, used: number, limit: number, period: UsagePeriod): UsageReceipt {
    return {
      featureKey,
      units,
      used,
      limit,
      remaining: Math.max(0, limit - used),
      ...(period.resetsAt ? { resetsAt: iso(period.resetsAt) } : {}),
    };
  }

  private assertUnits(units: number): void {
    if (!Number.isSafeInteger(units) || units < 1 || units > this.config.ENTITLEMENTS_MAX_UNITS_PER_CALL)
      throw new ValidationProblem([
        { field: 'units', message: `must be a whole number from 1 to ${this.config.ENTITLEMENTS_MAX_UNITS_PER_CALL}` },
      ]);
  }
}
