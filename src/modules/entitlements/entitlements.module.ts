import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FEATURE_GATE } from '../../core/auth/feature-gate.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { IdentityModule } from '../identity/index.js';
import { TenancyModule } from '../tenancy/index.js';
import { CatalogueAdmin } from './catalogue-admin.service.js';
import { EntitlementGate } from './entitlement-gate.js';
import { EntitlementResolver } from './entitlement-resolver.js';
import { EntitlementsAudit } from './entitlements-audit.js';
import { EntitlementsCatalogue } from './entitlements-catalogue.js';
import { EntitlementsConfig } from './entitlements.config.js';
import { ENTITLEMENTS_PERMISSIONS } from './entitlements.permissions.js';
import { EntitlementsRetention } from './entitlements-retention.js';
import { FeaturesController } from './features.controller.js';
import { EntitlementsCleanupJob } from './jobs/entitlements-cleanup.job.js';
import { BillingListeners } from './listeners/billing.listeners.js';
import { MyEntitlementsController } from './my-entitlements.controller.js';
import { OverridesService } from './overrides.service.js';
import { PlanCatalogue } from './plan-catalogue.js';
import { PlansController } from './plans.controller.js';
import { Feature, FeatureSchema } from './schemas/feature.schema.js';
import { Plan, PlanSchema } from './schemas/plan.schema.js';
import { PlanFeature, PlanFeatureSchema } from './schemas/plan-feature.schema.js';
import { PlanGrant, PlanGrantSchema } from './schemas/plan-grant.schema.js';
import { TenantFeature, TenantFeatureSchema } from './schemas/tenant-feature.schema.js';
import { UsageCounter, UsageCounterSchema } from './schemas/usage-counter.schema.js';
import { SubjectEntitlementsService } from './subject-entitlements.service.js';
import { SubjectPlans } from './subject-plans.js';
import { TenantEntitlementsController } from './tenant-entitlements.controller.js';
import { Usage } from './usage.service.js';

/** Plans, features, tenant overrides, usage counters and the feature gate (seeds 000, 001, 002). */
@Module({
  imports: [
    IdentityModule,
    TenancyModule,
    MongooseModule.forFeature([
      { name: Plan.name, schema: PlanSchema },
      { name: Feature.name, schema: FeatureSchema },
      { name: PlanFeature.name, schema: PlanFeatureSchema },
      { name: TenantFeature.name, schema: TenantFeatureSchema },
      { name: UsageCounter.name, schema: UsageCounterSchema },
      { name: PlanGrant.name, schema: PlanGrantSchema },
    ]),
  ],
  controllers: [PlansController, FeaturesController, TenantEntitlementsController, MyEntitlementsController],
  providers: [
    configSectionProvider(EntitlementsConfig),
    EntitlementsCatalogue,
    PlanCatalogue,
    SubjectPlans,
    EntitlementResolver,
    EntitlementGate,
    { provide: FEATURE_GATE, useExisting: EntitlementGate },
    Usage,
    EntitlementsAudit,
    CatalogueAdmin,
    OverridesService,
    SubjectEntitlementsService,
    EntitlementsRetention,
    EntitlementsCleanupJob,
    BillingListeners,
  ],
  exports: [PlanCatalogue, Usage],
})
export class EntitlementsModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(ENTITLEMENTS_PERMISSIONS);
  }
}
