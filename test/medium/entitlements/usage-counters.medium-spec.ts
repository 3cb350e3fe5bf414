import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_GATE, type FeatureGate } from '../../../src/core/auth/feature-gate.js';
import { usagePeriodOf } from '../../../src/modules/entitlements/usage-periods.js';
import { Usage } from '../../../src/modules/entitlements/index.js';
import {
  consume,
  counterModel,
  createdFeature,
  onPersonalPlan,
  override,
  planValue,
  userSubject,
} from '../../support/factories/entitlements.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { TenantDirectory } from '../../../src/modules/tenancy/index.js';
import { tenantModel } from '../../support/factories/tenancy.js';
import { startMediumApp } from '../../support/medium-app.js';

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const statusOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled' ? 200 : ((result.reason as { getStatus?: () => number }).getStatus?.() ?? 500);

describe('usage counters against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let admin: { id: string };

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    admin = await account(app, 'admin');
  });
  afterAll(() => close?.());

  it('lets exactly 10 of 100 concurrent consumptions through against a limit of 10, in one counter', async () => {
    const user = await account(app);
    const results = await settle([...Array(100)].map(() => consume(app, userSubject(user.id), 'ai.generations')));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    expect(results.filter((result) => statusOf(result) === 429)).toHaveLength(90);
    const counters = await counterModel(app)
      .find({ subjectId: new Types.ObjectId(user.id), featureKey: 'ai.generations' })
      .lean();
    expect(counters).toHaveLength(1);
    expect(counters[0]).toMatchObject({ used: 10, limit: 10, periodStart: usagePeriodOf('month', new Date()).start });
  });

  it('never splits a multi-unit consumption: 3 units at a time against 10 lets three through (9 used)', async () => {
    const user = await account(app);
    const results = await settle([...Array(10)].map(() => consume(app, userSubject(user.id), 'ai.generations', 3)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    const counter = await counterModel(app)
      .findOne({ subjectId: new Types.ObjectId(user.id) })
      .lean();
    expect(counter?.used).toBe(9);
    // One more unit still fits.
    expect((await consume(app, userSubject(user.id), 'ai.generations')).used).toBe(10);
  });

  it('counts each period apart: last month’s full counter does not limit this month', async () => {
    const user = await account(app);
    const lastMonth = usagePeriodOf('month', new Date(usagePeriodOf('month', new Date()).start.getTime() - 1));
    await counterModel(app).create({
      subjectType: 'user',
      subjectId: new Types.ObjectId(user.id),
      featureKey: 'ai.generations',
      periodStart: lastMonth.start,
      resetsAt: lastMonth.resetsAt,
      used: 10,
      limit: 10,
    });
    expect((await consume(app, userSubject(user.id), 'ai.generations')).used).toBe(1);
  });

  it('follows a plan change within the period: a higher limit lets more through at once', async () => {
    const user = await account(app);
    for (let i = 0; i < 10; i++) await consume(app, userSubject(user.id), 'ai.generations');
    await expect(consume(app, userSubject(user.id), 'ai.generations')).rejects.toMatchObject({ slug: 'quota-exceeded' });
    await onPersonalPlan(app, user.id, 'starter');
    expect(await consume(app, userSubject(user.id), 'ai.generations')).toMatchObject({ used: 11, limit: 200 });
  });

  it('keeps a cap’s counter for good and gives units back on release, never below zero', async () => {
    const user = await account(app);
    const key = await createdFeature(app, admin, { type: 'limit', period: 'none', defaultValue: 2 });
    await consume(app, userSubject(user.id), key, 2);
    await expect(consume(app, userSubject(user.id), key)).rejects.toMatchObject({ slug: 'limit-reached' });
    await app.get(Usage).release(userSubject(user.id), key, 1);
    await app.get(Usage).release(userSubject(user.id), key, 5);
    expect(
      (
        await counterModel(app)
          .findOne({ subjectId: new Types.ObjectId(user.id), featureKey: key })
          .lean()
      )?.used,
    ).toBe(1);
    expect((await consume(app, userSubject(user.id), key)).used).toBe(2);
  });

  it('gates on the caller’s personal plan: 402 naming the cheapest plan that includes it, passing once the plan does', async () => {
    const user = await account(app);
    const key = await createdFeature(app, admin, { type: 'boolean', defaultValue: false });
    await planValue(app, admin, 'pro-yearly', key, true);
    await planValue(app, admin, 'starter', key, true);
    const gate = app.get<FeatureGate>(FEATURE_GATE);
    await expect(gate.require(contextOf(user), key)).rejects.toMatchObject({
      slug: 'feature-not-included',
      extensions: { feature: { key }, planKey: 'free', upgradePlan: { key: 'starter', price: 900 } },
    });
    await onPersonalPlan(app, user.id, 'starter');
    await expect(gate.require(contextOf(user), key)).resolves.toBeUndefined();
  });

  it('gates a tenant-scoped request on the tenant’s plan and overrides, not on the caller’s personal plan', async () => {
    const owner = await account(app);
    await onPersonalPlan(app, owner.id, 'pro');
    const [tenant] = await tenantModel(app).insertMany([
      { name: 'Gated', slug: `gated-${Date.now()}`, createdBy: new Types.ObjectId(owner.id) },
    ]);
    const tenantId = tenant._id.toString();
    const ctx = { ...contextOf(owner), tenant: { id: tenantId, roles: ['owner'] } };
    const gate = app.get<FeatureGate>(FEATURE_GATE);
    await expect(gate.require(ctx, 'audit-log')).rejects.toMatchObject({
      slug: 'feature-not-included',
      extensions: { planKey: 'free', upgradePlan: { key: 'pro', price: 2900 } },
    });
    await app.get(TenantDirectory).setPlan(tenantId, 'pro', {});
    await expect(gate.require(ctx, 'audit-log')).resolves.toBeUndefined();
    // A staff override turning it off wins over the plan, from the next request on.
    await override(app, admin, tenantId, 'audit-log', { value: false });
    await expect(gate.require(ctx, 'audit-log')).rejects.toMatchObject({ slug: 'feature-not-included', extensions: { planKey: 'pro' } });
  });
});
