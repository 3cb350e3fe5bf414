import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { ValidationProblem } from '../../core/http/problem.js';
import type { OverrideDto, SetOverrideDto } from './dto/entitlement.dto.js';
import { EntitlementsAudit } from './entitlements-audit.js';
import { EntitlementsCatalogue } from './entitlements-catalogue.js';
import { featureNotFound } from './entitlement-problems.js';
import { toOverrideDto } from './entitlements.mapper.js';
import { valueProblem } from './feature-values.js';
import { TenantFeature } from './schemas/tenant-feature.schema.js';

/** A tenant's overrides of its plan (trials, deals, support gestures), set and removed by staff. */
@Injectable()
export class OverridesService {
  constructor(
    @InjectModel(TenantFeature.name) readonly model: Model<TenantFeature>,
    private readonly catalogue: EntitlementsCatalogue,
    private readonly policy: PermissionPolicy,
    private readonly audit: EntitlementsAudit,
  ) {}

  /** Sets (or replaces) the tenant's override of a feature; it applies from now until `expiresAt`, or until removed. */
  async set(ctx: RequestContext, tenantId: string, featureKey: string, input: SetOverrideDto): Promise<OverrideDto> {
    this.policy.require(ctx, 'override.manage');
    const feature = (await this.catalogue.snapshot()).featureByKey.get(featureKey);
    if (!feature) throw featureNotFound(featureKey);
    const problem = valueProblem(feature.type, input.value);
    if (problem) throw new ValidationProblem([{ field: 'value', message: problem }]);
    const now = new Date();
    const expiresAt = input.expiresAt === undefined ? undefined : new Date(input.expiresAt);
    if (expiresAt && expiresAt.getTime() <= now.getTime())
      throw new ValidationProblem([{ field: 'expiresAt', message: 'must be in the future' }]);
    const filter = { tenantId: new Types.ObjectId(tenantId), featureKey };
    const fields = {
      value: input.value,
      enabledAt: now,
      reason: input.reason,
      createdBy: ctx.actor ? new Types.ObjectId(ctx.actor.id) : undefined,
    };
    const before = await this.model.findOne(filter, { _id: 0, value: 1, expiresAt: 1 }).lean<TenantFeature>();
    const saved = await this.model
      .findOneAndUpdate(
        filter,
        { $set: { ...fields, ...(expiresAt ? { expiresAt } : {}) }, ...(expiresAt ? {} : { $unset: { expiresAt: 1 } }) },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<TenantFeature>();
    await this.audit.record(
      ctx,
      'override.set',
      'tenant-feature',
      `${tenantId}:${featureKey}`,
      before ? { value: before.value, expiresAt: before.expiresAt } : undefined,
      {
        value: input.value,
        expiresAt,
        reason: input.reason,
      },
      tenantId,
    );
    return toOverrideDto(saved!);
  }

  /** Removes the override: the plan's value (or the default) applies again at once. */
  async remove(ctx: RequestContext, tenantId: string, featureKey: string): Promise<void> {
    this.policy.require(ctx, 'override.manage');
    const removed = await this.model.findOneAndDelete({ tenantId: new Types.ObjectId(tenantId), featureKey }).lean<TenantFeature>();
    if (!removed) {
      if (!(await this.catalogue.snapshot()).featureByKey.has(featureKey)) throw featureNotFound(featureKey);
      return;
    }
    await this.audit.record(
      ctx,
      'override.removed',
      'tenant-feature',
      `${tenantId}:${featureKey}`,
      {
        value: removed.value,
        expiresAt: removed.expiresAt,
      },
      undefined,
      tenantId,
    );
  }
}
