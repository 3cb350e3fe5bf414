import { formatMoney } from '../../core/money.js';
import { iso } from '../../core/http/serialize.js';
import type { EntitlementDto, OverrideDto } from './dto/entitlement.dto.js';
import type { FeatureDto } from './dto/feature.dto.js';
import type { PlanDto } from './dto/plan.dto.js';
import { planValueOf, type CatalogueSnapshot, type FeatureEntry, type PlanEntry } from './entitlements-catalogue.js';
import { grants } from './feature-values.js';
import type { Entitlement } from './resolution.js';
import type { TenantFeature } from './schemas/tenant-feature.schema.js';

const limitFacts = (feature: FeatureEntry) => ({
  ...(feature.period ? { period: feature.period } : {}),
  ...(feature.unit ? { unit: feature.unit } : {}),
});

export function toPlanDto(snapshot: CatalogueSnapshot, plan: PlanEntry): PlanDto {
  const own = snapshot.planValues.get(plan.key);
  return {
    key: plan.key,
    name: plan.name,
    description: plan.description,
    price: plan.price,
    currency: plan.currency,
    priceFormatted: formatMoney(plan.price, plan.currency),
    billingCycle: plan.billingCycle,
    itemType: plan.itemType,
    active: plan.active,
    sortOrder: plan.sortOrder,
    metadata: plan.metadata ?? {},
    features: snapshot.features.map((feature) => {
      const value = planValueOf(snapshot, plan.key, feature);
      return {
        key: feature.key,
        name: feature.name,
        type: feature.type,
        value,
        enabled: grants(feature.type, value),
        setByPlan: own?.has(feature.key) ?? false,
        ...limitFacts(feature),
      };
    }),
  };
}

export const toFeatureDto = (feature: FeatureEntry): FeatureDto => ({
  key: feature.key,
  name: feature.name,
  description: feature.description,
  type: feature.type,
  defaultValue: feature.defaultValue,
  ...limitFacts(feature),
  declaredBy: feature.declaredBy,
});

export const toEntitlementDto = (feature: FeatureEntry, entitlement: Entitlement): EntitlementDto => ({
  key: feature.key,
  name: feature.name,
  type: feature.type,
  value: entitlement.value,
  enabled: entitlement.enabled,
  source: entitlement.source,
  ...(entitlement.source === 'plan' ? { planKey: entitlement.planKey } : {}),
  ...(entitlement.expiresAt ? { expiresAt: iso(entitlement.expiresAt) } : {}),
  ...limitFacts(feature),
});

export const toOverrideDto = (override: TenantFeature): OverrideDto => ({
  tenantId: override.tenantId.toString(),
  featureKey: override.featureKey,
  value: override.value,
  enabledAt: iso(override.enabledAt)!,
  expiresAt: iso(override.expiresAt),
  reason: override.reason,
  createdBy: override.createdBy?.toString(),
});
