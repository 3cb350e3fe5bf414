import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../../src/app.module.js';
import { DEFAULT_FEATURES, DEFAULT_PLANS } from '../../../src/modules/entitlements/default-catalogue.js';
import { EntitlementsCatalogue } from '../../../src/modules/entitlements/entitlements-catalogue.js';
import { featureModel, planFeatureModel, planModel } from '../../support/factories/entitlements.js';

const boot = async (): Promise<INestApplicationContext> => {
  const app = await NestFactory.createApplicationContext(AppModule.register(), { logger: false });
  await app.init();
  return app;
};

describe('catalogue defaults at boot', () => {
  const apps: INestApplicationContext[] = [];
  afterAll(async () => {
    await apps[0]
      ?.get<Connection>(getConnectionToken())
      .dropDatabase()
      .catch(() => undefined);
    await Promise.all(apps.map((app) => app.close()));
  });

  it('inserts each default plan, feature and plan value once when two instances start at the same time', async () => {
    apps.push(...(await Promise.all([boot(), boot()])));
    const [app] = apps;
    const plans = await planModel(app).find({}, { key: 1 }).lean();
    expect(plans.map((plan) => plan.key).sort()).toEqual(DEFAULT_PLANS.map((plan) => plan.key).sort());
    const features = await featureModel(app).find({}, { key: 1 }).lean();
    // The catalogue's defaults and what other contexts declare (the voice calls' concurrency limit, …).
    const declared = app.get(EntitlementsCatalogue).declaredFeatures();
    expect(declared.length).toBeGreaterThan(DEFAULT_FEATURES.length);
    expect(features.map((feature) => feature.key).sort()).toEqual(declared.map((feature) => feature.key).sort());
    const values = declared.reduce((sum, feature) => sum + Object.keys(feature.plans ?? {}).length, 0);
    expect(await planFeatureModel(app).countDocuments()).toBe(values);
  });

  it('leaves what admins changed as it is when another instance starts', async () => {
    const [app] = apps;
    await planModel(app).updateOne({ key: 'pro' }, { $set: { price: 3900, name: 'Pro (new)' } });
    await planFeatureModel(app).updateOne({ planKey: 'free', featureKey: 'seats' }, { $set: { value: 5 } });
    apps.push(await boot());
    expect(await planModel(app).findOne({ key: 'pro' }).lean()).toMatchObject({ price: 3900, name: 'Pro (new)' });
    expect(await planFeatureModel(app).findOne({ planKey: 'free', featureKey: 'seats' }).lean()).toMatchObject({ value: 5 });
    expect(await planModel(app).countDocuments()).toBe(DEFAULT_PLANS.length);
  });
});
