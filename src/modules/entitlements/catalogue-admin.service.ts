import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import type { CreateFeatureDto, FeatureDto, UpdateFeatureDto } from './dto/feature.dto.js';
import type { CreatePlanDto, PlanDto, UpdatePlanDto } from './dto/plan.dto.js';
import { EntitlementsAudit } from './entitlements-audit.js';
import { EntitlementsCatalogue, type FeatureEntry } from './entitlements-catalogue.js';
import { featureNotFound, planNotFound } from './entitlement-problems.js';
import { toFeatureDto, toPlanDto } from './entitlements.mapper.js';
import { valueProblem, type FeatureValue } from './feature-values.js';
import { Feature } from './schemas/feature.schema.js';
import { Plan } from './schemas/plan.schema.js';
import { PlanFeature } from './schemas/plan-feature.schema.js';
import { fitsLength } from '../../core/text-length.js';

const MAX_METADATA_KEYS = 20;
/** As payment metadata is bounded; operator-like and control-character keys never get this far (the input-shape guard). */
const MAX_METADATA_KEY = 40;

function assertMetadata(metadata: Record<string, unknown> | undefined): void {
  if (metadata === undefined) return;
  const entries = Object.entries(metadata);
  const bad =
    entries.length > MAX_METADATA_KEYS
      ? `has more than ${MAX_METADATA_KEYS} keys`
      : entries
          .map(([key, value]) =>
            key.length === 0 || !fitsLength(key, MAX_METADATA_KEY)
              ? `key "${key.slice(0, MAX_METADATA_KEY)}…" must be 1-${MAX_METADATA_KEY} characters`
              : (typeof value === 'string' && fitsLength(value, 500)) ||
                  typeof value === 'boolean' ||
                  (typeof value === 'number' && Number.isFinite(value))
                ? undefined
                : `${key} must be a string of up to 500 characters, a number or a boolean`,
          )
          .find(Boolean);
  if (bad) throw new ValidationProblem([{ field: 'metadata', message: bad }]);
}

function assertValue(feature: Pick<FeatureEntry, 'type'>, value: unknown, field: string): asserts value is FeatureValue {
  const problem = valueProblem(feature.type, value);
  if (problem) throw new ValidationProblem([{ field, message: problem }]);
}

const conflict = (slug: string, title: string, detail: string) => new ProblemException(HttpStatus.CONFLICT, slug, title, detail);

/** The catalogue as the API shows and admins change it: plans, features and what each plan gives each feature. */
@Injectable()
export class CatalogueAdmin {
  constructor(
    @InjectModel(Plan.name) private readonly plans: Model<Plan>,
    @InjectModel(Feature.name) private readonly features: Model<Feature>,
    @InjectModel(PlanFeature.name) private readonly planFeatures: Model<PlanFeature>,
    private readonly catalogue: EntitlementsCatalogue,
    private readonly policy: PermissionPolicy,
    private readonly audit: EntitlementsAudit,
  ) {}

  /** Plans on sale, with every feature's value. */
  async listPlans(ctx: RequestContext): Promise<PlanDto[]> {
    this.policy.require(ctx, 'plan.read');
    const snapshot = await this.catalogue.snapshot();
    return snapshot.plans.filter((plan) => plan.active).map((plan) => toPlanDto(snapshot, plan));
  }

  async getPlan(ctx: RequestContext, key: string): Promise<PlanDto> {
    this.policy.require(ctx, 'plan.read');
    const snapshot = await this.catalogue.snapshot();
    const plan = snapshot.planByKey.get(key);
    if (!plan) throw planNotFound(key);
    return toPlanDto(snapshot, plan);
  }

  async createPlan(ctx: RequestContext, input: CreatePlanDto): Promise<PlanDto> {
    this.policy.require(ctx, 'plan.manage');
    assertMetadata(input.metadata);
    const plan = {
      ...input,
      itemType: input.itemType ?? 'plan',
      active: input.active ?? true,
      sortOrder: input.sortOrder ?? 0,
      metadata: input.metadata ?? {},
    };
    try {
      await this.plans.create(plan);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('plan-exists', 'Plan exists', `There is already a plan ${input.key}.`);
      throw error;
    }
    await this.audit.record(ctx, 'plan.created', 'plan', input.key, undefined, plan);
    return this.freshPlan(input.key);
  }

  async updatePlan(ctx: RequestContext, key: string, input: UpdatePlanDto): Promise<PlanDto> {
    this.policy.require(ctx, 'plan.manage');
    assertMetadata(input.metadata);
    const before = await this.plans.findOneAndUpdate({ key }, { $set: { ...input } }, { returnDocument: 'before' }).lean<Plan>();
    if (!before) throw planNotFound(key);
    await this.audit.record(ctx, 'plan.updated', 'plan', key, pick(before, Object.keys(input)), { ...input });
    return this.freshPlan(key);
  }

  async setPlanValue(ctx: RequestContext, planKey: string, featureKey: string, value: FeatureValue): Promise<PlanDto> {
    this.policy.require(ctx, 'plan.manage');
    const feature = await this.planAndFeature(planKey, featureKey);
    assertValue(feature, value, 'value');
    const before = await this.planFeatures
      .findOneAndUpdate(
        { planKey, featureKey },
        { $set: { value }, $setOnInsert: { planKey, featureKey } },
        { upsert: true, returnDocument: 'before' },
      )
      .lean<PlanFeature>();
    await this.audit.record(
      ctx,
      'plan-feature.set',
      'plan-feature',
      `${planKey}:${featureKey}`,
      before ? { value: before.value } : undefined,
      { value },
    );
    return this.freshPlan(planKey);
  }

  /** The plan no longer sets the feature: the feature's default applies to it again. */
  async removePlanValue(ctx: RequestContext, planKey: string, featureKey: string): Promise<void> {
    this.policy.require(ctx, 'plan.manage');
    await this.planAndFeature(planKey, featureKey);
    const removed = await this.planFeatures.findOneAndDelete({ planKey, featureKey }).lean<PlanFeature>();
    if (removed)
      await this.audit.record(
        ctx,
        'plan-feature.set',
        'plan-feature',
        `${planKey}:${featureKey}`,
        { value: removed.value },
        { value: null },
      );
    this.catalogue.invalidate();
  }

  async listFeatures(ctx: RequestContext): Promise<FeatureDto[]> {
    this.policy.require(ctx, 'feature.list');
    return (await this.catalogue.snapshot()).features.map(toFeatureDto);
  }

  async createFeature(ctx: RequestContext, input: CreateFeatureDto): Promise<FeatureDto> {
    this.policy.require(ctx, 'feature.manage');
    assertValue(input, input.defaultValue, 'defaultValue');
    if (input.type === 'limit' && !input.period) throw new ValidationProblem([{ field: 'period', message: 'is required for a limit' }]);
    if (input.type !== 'limit' && input.period) throw new ValidationProblem([{ field: 'period', message: 'is only for limits' }]);
    const feature = { ...input, declaredBy: 'admin' };
    try {
      await this.features.create(feature);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('feature-exists', 'Feature exists', `There is already a feature ${input.key}.`);
      throw error;
    }
    await this.audit.record(ctx, 'feature.created', 'feature', input.key, undefined, feature);
    this.catalogue.invalidate();
    return toFeatureDto(feature);
  }

  async updateFeature(ctx: RequestContext, key: string, input: UpdateFeatureDto): Promise<FeatureDto> {
    this.policy.require(ctx, 'feature.manage');
    const current = await this.features.findOne({ key }).lean<Feature>();
    if (!current) throw featureNotFound(key);
    if (input.defaultValue !== undefined) assertValue(current, input.defaultValue, 'defaultValue');
    if (input.period && current.type !== 'limit') throw new ValidationProblem([{ field: 'period', message: 'is only for limits' }]);
    const updated = await this.features.findOneAndUpdate({ key }, { $set: { ...input } }, { returnDocument: 'after' }).lean<Feature>();
    await this.audit.record(ctx, 'feature.updated', 'feature', key, pick(current, Object.keys(input)), { ...input });
    this.catalogue.invalidate();
    return toFeatureDto(updated ?? current);
  }

  private async planAndFeature(planKey: string, featureKey: string): Promise<Feature> {
    const [plan, feature] = await Promise.all([
      this.plans.exists({ key: planKey }),
      this.features.findOne({ key: featureKey }, { type: 1, key: 1 }).lean<Feature>(),
    ]);
    if (!plan) throw planNotFound(planKey);
    if (!feature) throw featureNotFound(featureKey);
    return feature;
  }

  private async freshPlan(key: string): Promise<PlanDto> {
    this.catalogue.invalidate();
    const snapshot = await this.catalogue.snapshot();
    const plan = snapshot.planByKey.get(key);
    if (!plan) throw planNotFound(key);
    return toPlanDto(snapshot, plan);
  }
}

const pick = (document: object, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((key) => [key, (document as Record<string, unknown>)[key]]));
