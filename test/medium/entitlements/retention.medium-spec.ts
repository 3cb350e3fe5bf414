import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitlementsRetention } from '../../../src/modules/entitlements/entitlements-retention.js';
import { counterModel, overrideModel } from '../../support/factories/entitlements.js';
import { startMediumApp } from '../../support/medium-app.js';

const DAY_MS = 86_400_000;

describe('entitlements cleanup', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await startMediumApp());
  });
  afterAll(() => close?.());

  it('removes only overrides expired past the retention and counters of periods that ended past it', async () => {
    const tenantId = new Types.ObjectId();
    const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
    await overrideModel(app).insertMany([
      { tenantId, featureKey: 'audit-log', value: true, enabledAt: ago(90), expiresAt: ago(31) },
      { tenantId, featureKey: 'seats', value: 9, enabledAt: ago(10), expiresAt: ago(1) },
      { tenantId, featureKey: 'voice.outbound', value: true, enabledAt: ago(90) },
      { tenantId, featureKey: 'api.calls', value: 5, enabledAt: ago(1), expiresAt: new Date(Date.now() + DAY_MS) },
    ]);
    const counter = (featureKey: string, resetsAt?: Date) => ({
      subjectType: 'tenant',
      subjectId: tenantId,
      featureKey,
      periodStart: resetsAt ? new Date(resetsAt.getTime() - DAY_MS) : new Date(0),
      used: 1,
      limit: 10,
      ...(resetsAt ? { resetsAt } : {}),
    });
    await counterModel(app).insertMany([counter('api.calls', ago(401)), counter('ai.generations', ago(30)), counter('seats')]);

    expect(await app.get(EntitlementsRetention).purge()).toEqual({ overrides: 1, counters: 1 });
    expect((await overrideModel(app).find({ tenantId }).lean()).map((o) => o.featureKey).sort()).toEqual([
      'api.calls',
      'seats',
      'voice.outbound',
    ]);
    expect((await counterModel(app).find({ subjectId: tenantId }).lean()).map((c) => c.featureKey).sort()).toEqual([
      'ai.generations',
      'seats',
    ]);
  });
});
