import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEntitlements } from '../../../src/cli/seeders/entitlements.seeder.js';
import { SeedProgress } from '../../../src/cli/seed-progress.js';
import { counterModel, overrideModel, planFeatureModel, planModel } from '../../support/factories/entitlements.js';
import { account } from '../../support/factories/identity.js';
import { tenantModel } from '../../support/factories/tenancy.js';
import { startMediumApp } from '../../support/medium-app.js';

describe('entitlements seeder', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
    const owner = await account(app);
    await tenantModel(app).insertMany(
      [0, 1, 2].map((index) => ({ name: `Seed tenant ${index}`, slug: `seed-tenant-${index}`, createdBy: new Types.ObjectId(owner.id) })),
    );
  });
  afterAll(() => close?.());

  it('adds the enterprise plan, overrides (one expiring, one expired) and usage, and nothing on a rerun', async () => {
    const first = await seedEntitlements(app, new SeedProgress());
    expect(first).toBeGreaterThan(0);
    expect(await planModel(app).findOne({ key: 'enterprise' }).lean()).toMatchObject({ price: 49_900, active: true });
    expect(await planFeatureModel(app).countDocuments({ planKey: 'enterprise' })).toBe(7);
    const overrides = await overrideModel(app).find().lean();
    expect(overrides).toHaveLength(3);
    expect(overrides.filter((o) => o.expiresAt && o.expiresAt > new Date())).toHaveLength(1);
    expect(overrides.filter((o) => o.expiresAt && o.expiresAt < new Date())).toHaveLength(1);
    const counters = await counterModel(app).countDocuments();
    expect(counters).toBeGreaterThanOrEqual(1 + 3 * 2);

    expect(await seedEntitlements(app, new SeedProgress())).toBe(0);
    expect(await counterModel(app).countDocuments()).toBe(counters);
    expect(await overrideModel(app).countDocuments()).toBe(3);
  });
});
