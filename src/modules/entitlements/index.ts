/** The entitlements context's public surface: the module, the plan catalogue, usage metering and their types. */
export { EntitlementsModule } from './entitlements.module.js';
export { PlanCatalogue, type CataloguePlan } from './plan-catalogue.js';
export { Usage, type UsageLine, type UsageReceipt } from './usage.service.js';
export { FREE_PLAN, type FeatureDeclaration } from './default-catalogue.js';
export { tenantSubject, userSubject, type Subject } from './subject.js';
export type { FeatureType, FeatureValue, LimitPeriod } from './feature-values.js';
