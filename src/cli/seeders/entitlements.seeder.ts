import { faker } from '@faker-js/faker';
import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type AnyBulkWriteOperation, type Model } from 'mongoose';
import { User } from '../../modules/identity/schemas/user.schema.js';
import { Plan } from '../../modules/entitlements/schemas/plan.schema.js';
import { PlanFeature } from '../../modules/entitlements/schemas/plan-feature.schema.js';
import { TenantFeature } from '../../modules/entitlements/schemas/tenant-feature.schema.js';
import { UsageCounter } from '../../modules/entitlements/schemas/usage-counter.schema.js';
import { usagePeriodOf } from '../../modules/entitlements/usage-periods.js';
import { Tenant } from '../../modules/tenancy/schemas/tenant.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const DAY_MS = 86_400_000;
const USAGE_USERS = 200;
const OVERRIDE_TENANTS = 10;

/** A plan beyond the defaults, so the catalogue shows a sales-led tier. */
const ENTERPRISE = {
  key: 'enterprise',
  name: 'Enterprise',
  description: 'Negotiated terms; everything included',
  price: 49_900,
  currency: 'EUR',
  billingCycle: 'month' as const,
  itemType: 'plan' as const,
  active: true,
  sortOrder: 40,
  metadata: { salesLed: true },
};
const ENTERPRISE_VALUES: Record<string, boolean | number> = {
  'audit-log': true,
  'ai.generations': 20_000,
  'api.calls': 1_000_000,
  'voice.outbound': true,
  'voice.minutes': 10_000,
  seats: 500,
  'priority-support': true,
};

const seededId = (key: string) => new Types.ObjectId(createHash('sha256').update(`seed-entitlements:${key}`).digest('hex').slice(0, 24));

/**
 * The enterprise plan and its values, overrides on the first tenants (a trial that expires in two
 * weeks, a permanent extra of seats, one expired yesterday for the cleanup job), and this period's
 * usage for seeded users and tenants. Everything is keyed, so a rerun adds nothing; counters already
 * present keep their use.
 */
export async function seedEntitlements(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const model = <T>(name: string) => app.get<Model<T>>(getModelToken(name));
  const plans = model<Plan>(Plan.name);
  const values = model<PlanFeature>(PlanFeature.name);
  const overrides = model<TenantFeature>(TenantFeature.name);
  const counters = model<UsageCounter>(UsageCounter.name);
  const now = new Date();
  let written = 0;

  written += (await plans.updateOne({ key: ENTERPRISE.key }, { $setOnInsert: ENTERPRISE }, { upsert: true })).upsertedCount;
  written += (
    await values.bulkWrite(
      Object.entries(ENTERPRISE_VALUES).map(([featureKey, value]) => ({
        updateOne: { filter: { planKey: ENTERPRISE.key, featureKey }, update: { $setOnInsert: { value } }, upsert: true },
      })),
      { ordered: false },
    )
  ).upsertedCount;

  const tenants = await model<Tenant>(Tenant.name)
    .find({ active: true }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(OVERRIDE_TENANTS)
    .lean<{ _id: Types.ObjectId }[]>();
  const overrideOps: AnyBulkWriteOperation<TenantFeature>[] = tenants.flatMap(({ _id: tenantId }, index) => {
    const upsert = (featureKey: string, value: boolean | number, reason: string, expiresAt?: Date) => ({
      updateOne: {
        filter: { tenantId, featureKey },
        update: {
          $setOnInsert: {
            _id: seededId(`${tenantId.toString()}:${featureKey}`),
            value,
            reason,
            enabledAt: now,
            ...(expiresAt ? { expiresAt } : {}),
          },
        },
        upsert: true,
      },
    });
    if (index % 3 === 0) return [upsert('audit-log', true, 'Two-week audit log trial', new Date(now.getTime() + 14 * DAY_MS))];
    if (index % 3 === 1) return [upsert('seats', 20, 'Extra seats agreed with sales')];
    return [upsert('voice.outbound', true, 'Pilot that ended yesterday', new Date(now.getTime() - DAY_MS))];
  });
  if (overrideOps.length > 0) written += (await overrides.bulkWrite(overrideOps, { ordered: false })).upsertedCount;

  const users = await model<User>(User.name)
    .find({ status: trusted({ $ne: 'deleted' }) }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(USAGE_USERS)
    .lean<{ _id: Types.ObjectId }[]>();
  const month = usagePeriodOf('month', now);
  const day = usagePeriodOf('day', now);
  const counter = (
    subjectType: 'user' | 'tenant',
    subjectId: Types.ObjectId,
    featureKey: string,
    period: typeof month,
    used: number,
    limit: number,
  ) => ({
    updateOne: {
      filter: { subjectType, subjectId, featureKey, periodStart: period.start },
      update: { $setOnInsert: { used, limit, resetsAt: period.resetsAt } },
      upsert: true,
    },
  });
  progress.start('usage', users.length + tenants.length);
  const counterOps: AnyBulkWriteOperation<UsageCounter>[] = [];
  users.forEach(({ _id }, index) => {
    faker.seed(20_000 + index);
    counterOps.push(counter('user', _id, 'ai.generations', month, faker.number.int({ min: 0, max: 10 }), 10));
  });
  tenants.forEach(({ _id }, index) => {
    faker.seed(30_000 + index);
    counterOps.push(counter('tenant', _id, 'ai.generations', month, faker.number.int({ min: 0, max: 10 }), 10));
    counterOps.push(counter('tenant', _id, 'api.calls', day, faker.number.int({ min: 0, max: 1000 }), 1000));
  });
  if (counterOps.length > 0) written += (await counters.bulkWrite(counterOps, { ordered: false })).upsertedCount;
  progress.advance(users.length + tenants.length);
  progress.stop();
  return written;
}
