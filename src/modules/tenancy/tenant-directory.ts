import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { TenantsRepository } from './tenants.repository.js';

/** What other contexts may read of a tenant. */
export type TenantSummary = { id: string; name: string; slug: string; planKey: string; active: boolean };

const isId = (value: string) => value.length === 24 && Types.ObjectId.isValid(value);

/**
 * How other contexts reach tenants: who they are, which plan they are on, and (for entitlements,
 * when billing reports a subscription change) setting that plan. Takes no request context: the
 * calling context checked its own rules.
 */
@Injectable()
export class TenantDirectory {
  constructor(private readonly tenants: TenantsRepository) {}

  /** Undefined for an unknown id; a closed tenant is answered with `active: false`. */
  async get(tenantId: string): Promise<TenantSummary | undefined> {
    if (!isId(tenantId)) return undefined;
    const tenant = await this.tenants.model
      .findById(new Types.ObjectId(tenantId), { name: 1, slug: 1, closedSlug: 1, planKey: 1, active: 1 })
      .lean<{ _id: Types.ObjectId; name: string; slug?: string; closedSlug?: string; planKey: string; active: boolean }>();
    if (!tenant) return undefined;
    return {
      id: tenant._id.toString(),
      name: tenant.name,
      slug: tenant.slug ?? tenant.closedSlug ?? '',
      planKey: tenant.planKey,
      active: tenant.active,
    };
  }

  /** The plan of an open tenant; undefined for an unknown or closed one. */
  async planOf(tenantId: string): Promise<string | undefined> {
    if (!isId(tenantId)) return undefined;
    const tenant = await this.tenants.model
      .findOne({ _id: new Types.ObjectId(tenantId), active: true }, { planKey: 1 })
      .lean<{ planKey: string }>();
    return tenant?.planKey;
  }

  /** Idempotent: the same change applied twice (a redelivered billing event) writes once. */
  async setPlan(tenantId: string, planKey: string, origin: { subscriptionId?: string; eventId?: string }): Promise<void> {
    if (!isId(tenantId)) return;
    await this.tenants.setPlan(new Types.ObjectId(tenantId), planKey.slice(0, 64), origin);
  }
}
