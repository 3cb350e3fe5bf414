import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { EntitlementsDto } from './dto/entitlement.dto.js';
import type { UsageReceiptDto, UsageReportDto } from './dto/usage.dto.js';
import { EntitlementResolver } from './entitlement-resolver.js';
import { toEntitlementDto } from './entitlements.mapper.js';
import { callerSubject, tenantSubject, type Subject } from './subject.js';
import { Usage } from './usage.service.js';

/** What a tenant's members, staff and each user read of their entitlements and usage, and metering for a tenant. */
@Injectable()
export class SubjectEntitlementsService {
  constructor(
    private readonly resolver: EntitlementResolver,
    private readonly usage: Usage,
    private readonly policy: PermissionPolicy,
  ) {}

  tenantFeatures(ctx: RequestContext, tenantId: string): Promise<EntitlementsDto> {
    this.policy.require(ctx, 'entitlement.read');
    return this.features(tenantSubject(tenantId));
  }

  myFeatures(ctx: RequestContext): Promise<EntitlementsDto> {
    this.policy.require(ctx, 'entitlement.read-own');
    return this.features(callerSubject(ctx));
  }

  async tenantUsage(ctx: RequestContext, tenantId: string): Promise<UsageReportDto> {
    this.policy.require(ctx, 'usage.read');
    const subject = tenantSubject(tenantId);
    return { subject, ...(await this.usage.report(subject)) };
  }

  async myUsage(ctx: RequestContext): Promise<UsageReportDto> {
    this.policy.require(ctx, 'usage.read-own');
    const subject = callerSubject(ctx);
    return { subject, ...(await this.usage.report(subject)) };
  }

  meterForTenant(ctx: RequestContext, tenantId: string, featureKey: string, units = 1): Promise<UsageReceiptDto> {
    this.policy.require(ctx, 'usage.meter');
    return this.usage.consume(tenantSubject(tenantId), featureKey, units);
  }

  private async features(subject: Subject): Promise<EntitlementsDto> {
    const { planKey, items } = await this.resolver.all(subject);
    return { subject, planKey, features: items.map(({ feature, entitlement }) => toEntitlementDto(feature, entitlement)) };
  }
}
