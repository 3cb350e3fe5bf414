import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { SetOverrideDto } from '../../../src/modules/entitlements/dto/entitlement.dto.js';
import { OverridesService } from '../../../src/modules/entitlements/overrides.service.js';
import { Feature } from '../../../src/modules/entitlements/schemas/feature.schema.js';
import { Plan } from '../../../src/modules/entitlements/schemas/plan.schema.js';
import { PlanFeature } from '../../../src/modules/entitlements/schemas/plan-feature.schema.js';
import { TenantFeature } from '../../../src/modules/entitlements/schemas/tenant-feature.schema.js';
import { UsageCounter } from '../../../src/modules/entitlements/schemas/usage-counter.schema.js';
import { CatalogueAdmin } from '../../../src/modules/entitlements/catalogue-admin.service.js';
import type { CreateFeatureDto } from '../../../src/modules/entitlements/dto/feature.dto.js';
import { Usage, userSubject, tenantSubject, type Subject } from '../../../src/modules/entitlements/index.js';
import { UserDirectory } from '../../../src/modules/identity/index.js';
import { contextOf } from './identity.js';

export const planModel = (app: INestApplicationContext) => app.get<Model<Plan>>(getModelToken(Plan.name));
export const featureModel = (app: INestApplicationContext) => app.get<Model<Feature>>(getModelToken(Feature.name));
export const planFeatureModel = (app: INestApplicationContext) => app.get<Model<PlanFeature>>(getModelToken(PlanFeature.name));
export const overrideModel = (app: INestApplicationContext) => app.get<Model<TenantFeature>>(getModelToken(TenantFeature.name));
export const counterModel = (app: INestApplicationContext) => app.get<Model<UsageCounter>>(getModelToken(UsageCounter.name));

export { tenantSubject, userSubject, type Subject };

let sequence = 0;
/** A feature key no other test uses. */
export const featureKey = (prefix = 'test') => `${prefix}.f${Date.now().toString(36)}${++sequence}`;

/** A feature an admin added through the catalogue's own service. */
export async function createdFeature(
  app: INestApplicationContext,
  admin: { id: string },
  input: Partial<CreateFeatureDto> & Pick<CreateFeatureDto, 'type' | 'defaultValue'>,
): Promise<string> {
  const key = input.key ?? featureKey();
  await app.get(CatalogueAdmin).createFeature(contextOf({ id: admin.id, role: 'admin' }), { name: `Feature ${key}`, ...input, key });
  return key;
}

/** A plan's value for a feature, set by an admin. */
export function planValue(app: INestApplicationContext, admin: { id: string }, planKey: string, key: string, value: boolean | number) {
  return app.get(CatalogueAdmin).setPlanValue(contextOf({ id: admin.id, role: 'admin' }), planKey, key, value);
}

/** A staff override of a tenant's feature. */
export function override(app: INestApplicationContext, staff: { id: string }, tenantId: string, key: string, input: SetOverrideDto) {
  return app.get(OverridesService).set(contextOf({ id: staff.id, role: 'staff' }), tenantId, key, input);
}

/** Units consumed as another context would, through the exported Usage. */
export function consume(app: INestApplicationContext, subject: Subject, key: string, units = 1) {
  return app.get(Usage).consume(subject, key, units);
}

/** Puts a user on a personal plan directly, as a subscription would. */
export function onPersonalPlan(app: INestApplicationContext, userId: string, planKey: string) {
  return app.get(UserDirectory).setPlan(userId, planKey);
}
