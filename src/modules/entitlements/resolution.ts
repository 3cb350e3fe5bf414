import { grants, type FeatureType, type FeatureValue, type LimitPeriod } from './feature-values.js';

/** What resolution needs to know of a feature. */
export interface FeatureFacts {
  key: string;
  type: FeatureType;
  defaultValue: FeatureValue;
  period?: LimitPeriod;
}

/** A tenant's override of one feature, as stored. */
export interface OverrideFacts {
  value: FeatureValue;
  expiresAt?: Date | null;
}

export const ENTITLEMENT_SOURCES = ['override', 'plan', 'default'] as const;
export type EntitlementSource = (typeof ENTITLEMENT_SOURCES)[number];

/** One feature's effective value for a subject, and where it came from. */
export interface Entitlement {
  key: string;
  type: FeatureType;
  value: FeatureValue;
  /** Whether the value grants the feature at all (a gate passes on it). */
  enabled: boolean;
  source: EntitlementSource;
  /** The plan the subject is on (always given, whatever the source). */
  planKey: string;
  /** When the override that decides it stops applying; only for the `override` source. */
  expiresAt?: Date;
  period?: LimitPeriod;
}

/** An override applies until the second it expires: from `expiresAt` on, it is as if it were not there. */
export const overrideApplies = (override: OverrideFacts | undefined, now: Date): override is OverrideFacts =>
  override !== undefined &&
  (override.expiresAt === undefined || override.expiresAt === null || override.expiresAt.getTime() > now.getTime());

/**
 * The effective value, in this order: an override that has not expired, then the value the subject's
 * plan gives the feature, then the feature's default.
 */
export function resolveEntitlement(
  feature: FeatureFacts,
  planKey: string,
  planValues: ReadonlyMap<string, FeatureValue> | undefined,
  override: OverrideFacts | undefined,
  now: Date,
): Entitlement {
  const base = { key: feature.key, type: feature.type, planKey, ...(feature.period ? { period: feature.period } : {}) };
  const decide = (value: FeatureValue, source: EntitlementSource, expiresAt?: Date | null): Entitlement => ({
    ...base,
    value,
    enabled: grants(feature.type, value),
    source,
    ...(expiresAt ? { expiresAt } : {}),
  });
  if (overrideApplies(override, now)) return decide(override.value, 'override', override.expiresAt);
  const planned = planValues?.get(feature.key);
  if (planned !== undefined) return decide(planned, 'plan');
  return decide(feature.defaultValue, 'default');
}
