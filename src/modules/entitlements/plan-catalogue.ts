import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ValidationProblem } from '../../core/http/problem.js';
import type { FeatureDeclaration } from './default-catalogue.js';
import { EntitlementsCatalogue } from './entitlements-catalogue.js';
import { Plan, type BillingCycle, type PlanItemType } from './schemas/plan.schema.js';

/** A plan as other contexts see it (billing sells it). */
export interface CataloguePlan {
  key: string;
  name: string;
  /** Integer minor units of `currency`, per billing cycle. */
  price: number;
  currency: string;
  billingCycle: BillingCycle;
  itemType: PlanItemType;
  active: boolean;
}

const PLAN_FIELDS = { _id: 0, key: 1, name: 1, price: 1, currency: 1, billingCycle: 1, itemType: 1, active: 1 } as const;

/** The plan catalogue other contexts read, and where they declare the features they gate on or meter. */
@Injectable()
export class PlanCatalogue {
  constructor(
    @InjectModel(Plan.name) private readonly plans: Model<Plan>,
    private readonly catalogue: EntitlementsCatalogue,
  ) {}

  /** Read fresh, not from the snapshot: a plan retired a second ago is no longer sold. */
  async find(key: string): Promise<CataloguePlan | undefined> {
    return (await this.plans.findOne({ key }, PLAN_FIELDS).lean<CataloguePlan>()) ?? undefined;
  }

  /** The plan to subscribe to: 400 for a key the catalogue lacks, a retired plan or one of another item type. */
  async sellable(key: string, itemTypes: readonly PlanItemType[] = ['plan', 'agent']): Promise<CataloguePlan> {
    const plan = await this.find(key);
    const problem = !plan
      ? 'is not a plan of the catalogue'
      : !plan.active
        ? 'is no longer sold'
        : !itemTypes.includes(plan.itemType)
          ? `is not a plan of type ${itemTypes.join(' or ')}`
          : undefined;
    if (problem) throw new ValidationProblem([{ field: 'plan', message: problem }]);
    return plan!;
  }

  /** The plan's display name, from the per-instance snapshot (receipts and descriptions). */
  async nameOf(key: string): Promise<string | undefined> {
    return (await this.catalogue.snapshot()).planByKey.get(key)?.name;
  }

  /** Features a context gates on or meters, declared in its onModuleInit; inserted at boot where missing. */
  declareFeatures(context: string, features: readonly FeatureDeclaration[]): void {
    this.catalogue.declare(context, features);
  }
}
