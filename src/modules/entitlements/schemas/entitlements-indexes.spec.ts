import { describe, expect, it } from 'vitest';
import { FeatureSchema } from './feature.schema.js';
import { PlanFeatureSchema } from './plan-feature.schema.js';
import { PlanGrantSchema } from './plan-grant.schema.js';
import { PlanSchema } from './plan.schema.js';
import { TenantFeatureSchema } from './tenant-feature.schema.js';
import { UsageCounterSchema } from './usage-counter.schema.js';

const unique = expect.objectContaining({ unique: true });

describe('entitlements index declarations', () => {
  it('keeps plan and feature keys unique', () => {
    expect(PlanSchema.indexes()).toContainEqual([{ key: 1 }, unique]);
    expect(FeatureSchema.indexes()).toContainEqual([{ key: 1 }, unique]);
  });

  it('allows one value per plan and feature, and one override per tenant and feature', () => {
    expect(PlanFeatureSchema.indexes()).toContainEqual([{ planKey: 1, featureKey: 1 }, unique]);
    expect(TenantFeatureSchema.indexes()).toContainEqual([{ tenantId: 1, featureKey: 1 }, unique]);
  });

  it('keeps one usage counter per subject, feature and period', () => {
    expect(UsageCounterSchema.indexes()).toContainEqual([{ subjectType: 1, subjectId: 1, featureKey: 1, periodStart: 1 }, unique]);
  });

  it('backs the cleanup of expired overrides and old counters, and one grant per subscription', () => {
    expect(TenantFeatureSchema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ sparse: true })]);
    expect(UsageCounterSchema.indexes()).toContainEqual([{ resetsAt: 1 }, expect.objectContaining({ sparse: true })]);
    expect(PlanGrantSchema.indexes()).toContainEqual([{ subscriptionId: 1 }, unique]);
    expect(PlanGrantSchema.indexes().map(([keys]) => keys)).toContainEqual({ subjectType: 1, subjectId: 1 });
  });
});
