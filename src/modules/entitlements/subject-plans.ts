import { Injectable } from '@nestjs/common';
import { UserDirectory } from '../identity/index.js';
import { TenantDirectory } from '../tenancy/index.js';
import { FREE_PLAN } from './default-catalogue.js';
import type { Subject } from './subject.js';

/** Why a plan changed, kept by the context that stores it. */
export interface PlanChangeOrigin {
  subscriptionId?: string;
  eventId?: string;
}

/**
 * Where each subject's plan is kept: a tenant's with the tenant (tenancy), a user's personal plan
 * with the user (identity). One indexed, projected read each.
 */
@Injectable()
export class SubjectPlans {
  constructor(
    private readonly users: UserDirectory,
    private readonly tenants: TenantDirectory,
  ) {}

  /** The subject's plan; free for a subject that never subscribed (or that no longer exists). */
  async planOf(subject: Subject): Promise<string> {
    if (subject.planKey) return subject.planKey;
    const key = subject.type === 'tenant' ? await this.tenants.planOf(subject.id) : await this.users.planOf(subject.id);
    return key ?? FREE_PLAN;
  }

  async setPlan(subject: Subject, planKey: string, origin: PlanChangeOrigin): Promise<void> {
    if (subject.type === 'tenant') await this.tenants.setPlan(subject.id, planKey, origin);
    else await this.users.setPlan(subject.id, planKey);
  }
}
