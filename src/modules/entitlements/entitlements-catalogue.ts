import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { DEFAULT_FEATURES, DEFAULT_PLANS, type FeatureDeclaration } from './default-catalogue.js';
import { EntitlementsConfig } from './entitlements.config.js';
import { FEATURE_KEY, valueProblem, type FeatureValue } from './feature-values.js';
import { Feature } from './schemas/feature.schema.js';
import { Plan } from './schemas/plan.schema.js';
import { PlanFeature } from './schemas/plan-feature.schema.js';

export type FeatureEntry = Pick<Feature, 'key' | 'name' | 'description' | 'type' | 'defaultValue' | 'period' | 'unit' | 'declaredBy'>;
export type PlanEntry = Pick<
  Plan,
  'key' | 'name' | 'description' | 'price' | 'currency' | 'billingCycle' | 'itemType' | 'active' | 'sortOrder' | 'metadata'
>;

/** Plans, features and what each plan gives each feature, as one instance last read them. */
export interface CatalogueSnapshot {
  features: FeatureEntry[];
  featureByKey: ReadonlyMap<string, FeatureEntry>;
  /** By sort order, then key. */
  plans: PlanEntry[];
  planByKey: ReadonlyMap<string, PlanEntry>;
  planValues: ReadonlyMap<string, ReadonlyMap<string, FeatureValue>>;
}

const FEATURE_FIELDS = { _id: 0, key: 1, name: 1, description: 1, type: 1, defaultValue: 1, period: 1, unit: 1, declaredBy: 1 } as const;
const PLAN_FIELDS = {
  _id: 0,
  key: 1,
  name: 1,
  description: 1,
  price: 1,
  currency: 1,
  billingCycle: 1,
  itemType: 1,
  active: 1,
  sortOrder: 1,
  metadata: 1,
} as const;
const OWN_CONTEXT = 'entitlements';

/** The plan's value for a feature: what the plan sets, else the feature's default. */
export const planValueOf = (snapshot: CatalogueSnapshot, planKey: string, feature: FeatureEntry): FeatureValue =>
  snapshot.planValues.get(planKey)?.get(feature.key) ?? feature.defaultValue;

/**
 * The cheapest active subscription plan (lowest list price, then sort order) whose value for the feature
 * passes `qualifies`: what a refusal offers as the way up.
 */
export function cheapestPlanWhere(
  snapshot: CatalogueSnapshot,
  feature: FeatureEntry,
  qualifies: (value: FeatureValue) => boolean,
): PlanEntry | undefined {
  return snapshot.plans
    .filter((plan) => plan.active && plan.itemType === 'plan' && qualifies(planValueOf(snapshot, plan.key, feature)))
    .sort((a, b) => a.price - b.price || a.sortOrder - b.sortOrder)[0];
}

/**
 * The catalogue of plans and features. Contexts declare their features in code (`declare`, in their
 * onModuleInit); at boot every declared feature, the default plans and their values are inserted when
 * missing ($setOnInsert upserts, so admins' later changes stand and several instances may boot at once).
 * Reads come from a per-instance snapshot kept ENTITLEMENTS_CACHE_MS: the hot path of every gated
 * route reads no plan or feature from the database. Writes on this instance refresh it at once.
 */
@Injectable()
export class EntitlementsCatalogue implements OnApplicationBootstrap {
  private readonly logger = new Logger(EntitlementsCatalogue.name);
  private readonly declared = new Map<string, { context: string; feature: FeatureDeclaration }>();
  private cached?: { snapshot: CatalogueSnapshot; at: number };
  private loading?: Promise<CatalogueSnapshot>;
  private booted = false;

  constructor(
    @InjectModel(Plan.name) private readonly plans: Model<Plan>,
    @InjectModel(Feature.name) private readonly features: Model<Feature>,
    @InjectModel(PlanFeature.name) private readonly planFeatures: Model<PlanFeature>,
    private readonly config: EntitlementsConfig,
  ) {
    this.declare(OWN_CONTEXT, DEFAULT_FEATURES);
  }

  /** Features a context gates on or meters, declared before the application starts. */
  declare(context: string, features: readonly FeatureDeclaration[]): void {
    if (this.booted) throw new Error(`features of ${context} must be declared before the application starts`);
    for (const feature of features) {
      if (!FEATURE_KEY.test(feature.key)) throw new Error(`feature key ${feature.key} of ${context} is not a valid key`);
      const problem =
        valueProblem(feature.type, feature.defaultValue) ??
        Object.values(feature.plans ?? {})
          .map((value) => valueProblem(feature.type, value))
          .find(Boolean);
      if (problem) throw new Error(`feature ${feature.key} of ${context}: a value ${problem}`);
      if ((feature.type === 'limit') !== (feature.period !== undefined))
        throw new Error(`feature ${feature.key} of ${context}: limits, and only limits, have a period`);
      const existing = this.declared.get(feature.key);
      if (existing) throw new Error(`feature ${feature.key} is declared by both ${existing.context} and ${context}`);
      this.declared.set(feature.key, { context, feature });
    }
  }

  /** Every declared feature, the catalogue's own defaults and the contexts', as the boot inserts them. */
  declaredFeatures(): FeatureDeclaration[] {
    return [...this.declared.values()].map(({ feature }) => feature);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.booted = true;
    await this.ensureDefaults();
  }

  /** Inserts the default plans, the declared features and their plan values where missing; changes nothing present. */
  async ensureDefaults(): Promise<void> {
    // The unique indexes must exist first, or two instances booting at once could both insert a key.
    await Promise.all([this.plans.init(), this.features.init(), this.planFeatures.init()]);
    const planOps: AnyBulkWriteOperation<Plan>[] = DEFAULT_PLANS.map((plan) => ({
      updateOne: { filter: { key: plan.key }, update: { $setOnInsert: { ...plan, active: true, metadata: {} } }, upsert: true },
    }));
    const declared = [...this.declared.values()];
    const featureOps: AnyBulkWriteOperation<Feature>[] = declared.map(({ context, feature }) => {
      const { plans: _plans, ...fields } = feature;
      return { updateOne: { filter: { key: feature.key }, update: { $setOnInsert: { ...fields, declaredBy: context } }, upsert: true } };
    });
    const valueOps: AnyBulkWriteOperation<PlanFeature>[] = declared.flatMap(({ feature }) =>
      Object.entries(feature.plans ?? {}).map(([planKey, value]) => ({
        updateOne: {
          filter: { planKey, featureKey: feature.key },
          update: { $setOnInsert: { planKey, featureKey: feature.key, value } },
          upsert: true,
        },
      })),
    );
    await Promise.all([upsertAll(this.plans, planOps), upsertAll(this.features, featureOps), upsertAll(this.planFeatures, valueOps)]);
    this.invalidate();
    this.logger.log(`catalogue ready: ${DEFAULT_PLANS.length} default plans, ${declared.length} declared features`);
  }

  /** The catalogue as this instance holds it, read again once it is older than ENTITLEMENTS_CACHE_MS. */
  async snapshot(): Promise<CatalogueSnapshot> {
    if (this.cached && Date.now() - this.cached.at < this.config.ENTITLEMENTS_CACHE_MS) return this.cached.snapshot;
    // One read for every caller waiting on the same refresh.
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** After a change of plans, features or values on this instance: the next read sees it. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<CatalogueSnapshot> {
    const startedAt = Date.now();
    const [features, plans, values] = await Promise.all([
      this.features.find({}, FEATURE_FIELDS).sort({ key: 1 }).lean<FeatureEntry[]>(),
      this.plans.find({}, PLAN_FIELDS).sort({ sortOrder: 1, key: 1 }).lean<PlanEntry[]>(),
      this.planFeatures
        .find({}, { _id: 0, planKey: 1, featureKey: 1, value: 1 })
        .lean<Pick<PlanFeature, 'planKey' | 'featureKey' | 'value'>[]>(),
    ]);
    const planValues = new Map<string, Map<string, FeatureValue>>();
    for (const row of values) {
      const forPlan = planValues.get(row.planKey) ?? new Map<string, FeatureValue>();
      forPlan.set(row.featureKey, row.value);
      planValues.set(row.planKey, forPlan);
    }
    const snapshot: CatalogueSnapshot = {
      features,
      featureByKey: new Map(features.map((feature) => [feature.key, feature])),
      plans,
      planByKey: new Map(plans.map((plan) => [plan.key, plan])),
      planValues,
    };
    this.cached = { snapshot, at: startedAt };
    return snapshot;
  }
}

/** Unordered upserts; a race with another instance's identical upsert is a duplicate key, retried once as an update. */
async function upsertAll<T extends object>(model: Model<T>, operations: AnyBulkWriteOperation<T>[]): Promise<void> {
  if (operations.length === 0) return;
  const write = () => (model as unknown as Model<object>).bulkWrite(operations as AnyBulkWriteOperation<object>[], { ordered: false });
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error) && !hasOnlyDuplicates(error)) throw error;
    await write();
  }
}

const hasOnlyDuplicates = (error: unknown): boolean => {
  const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
};
