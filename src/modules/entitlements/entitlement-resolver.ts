import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { EntitlementsCatalogue, type CatalogueSnapshot, type FeatureEntry } from './entitlements-catalogue.js';
import { featureNotFound } from './entitlement-problems.js';
import { resolveEntitlement, type Entitlement, type OverrideFacts } from './resolution.js';
import { TenantFeature } from './schemas/tenant-feature.schema.js';
import type { Subject } from './subject.js';
import { SubjectPlans } from './subject-plans.js';

type StoredOverride = OverrideFacts & { featureKey: string };
const OVERRIDE_FIELDS = { _id: 0, featureKey: 1, value: 1, expiresAt: 1 } as const;

/** Overrides that still apply at `now`: filtered in the read, so one stops at the second it expires with no job. */
const unexpired = (now: Date) => ({ $or: [{ expiresAt: null }, { expiresAt: trusted({ $gt: now }) }] });

export interface ResolvedFeature {
  entitlement: Entitlement;
  feature: FeatureEntry;
  snapshot: CatalogueSnapshot;
}

/**
 * Effective values for a subject. Per request: the subject's plan (one indexed read) and, for a
 * tenant, its override of the feature (one read by the unique index), in parallel; plans, features
 * and plan values come from the catalogue's per-instance snapshot. Overrides are never cached.
 */
@Injectable()
export class EntitlementResolver {
  constructor(
    private readonly catalogue: EntitlementsCatalogue,
    private readonly plans: SubjectPlans,
    @InjectModel(TenantFeature.name) private readonly overrides: Model<TenantFeature>,
  ) {}

  /** One feature; a feature the catalogue lacks is 404. */
  async one(subject: Subject, featureKey: string, now = new Date()): Promise<ResolvedFeature> {
    const [snapshot, planKey, override] = await Promise.all([
      this.catalogue.snapshot(),
      this.plans.planOf(subject),
      subject.type === 'tenant' ? this.overrideOf(subject.id, featureKey, now) : undefined,
    ]);
    const feature = snapshot.featureByKey.get(featureKey);
    if (!feature) throw featureNotFound(featureKey);
    return { entitlement: resolveEntitlement(feature, planKey, snapshot.planValues.get(planKey), override, now), feature, snapshot };
  }

  /** Every feature of the catalogue, in key order. */
  async all(
    subject: Subject,
    now = new Date(),
  ): Promise<{ planKey: string; items: { entitlement: Entitlement; feature: FeatureEntry }[] }> {
    const [snapshot, planKey, overrides] = await Promise.all([
      this.catalogue.snapshot(),
      this.plans.planOf(subject),
      subject.type === 'tenant' ? this.overridesOf(subject.id, now) : new Map<string, StoredOverride>(),
    ]);
    const planValues = snapshot.planValues.get(planKey);
    return {
      planKey,
      items: snapshot.features.map((feature) => ({
        feature,
        entitlement: resolveEntitlement(feature, planKey, planValues, overrides.get(feature.key), now),
      })),
    };
  }

  private async overrideOf(tenantId: string, featureKey: string, now: Date): Promise<StoredOverride | undefined> {
    const found = await this.overrides
      .findOne({ tenantId: new Types.ObjectId(tenantId), featureKey, ...unexpired(now) }, OVERRIDE_FIELDS)
      .lean<StoredOverride>();
    return found ?? undefined;
  }

  private async overridesOf(tenantId: string, now: Date): Promise<Map<string, StoredOverride>> {
    const found = await this.overrides
      .find({ tenantId: new Types.ObjectId(tenantId), ...unexpired(now) }, OVERRIDE_FIELDS)
      .limit(1000)
      .lean<StoredOverride[]>();
    return new Map(found.map((override) => [override.featureKey, override]));
  }
}
