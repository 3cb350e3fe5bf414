import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { TenantScope } from '../../core/auth/request-context.js';
import { isStaff, type Actor } from '../../core/auth/roles.js';
import type { TenantScopeSource } from '../../core/auth/tenant-scope.js';
import { scoped } from '../../core/database/tenant-scoped.js';
import { Membership } from './schemas/membership.schema.js';
import { TenantsRepository } from './tenants.repository.js';

/**
 * The caller's standing in a tenant, read fresh on every request (no cache, so a removed member is
 * out on their next call): the membership by the unique (tenantId, userId) index and the open
 * tenant's plan by id, in parallel, both lean and projected.
 */
@Injectable()
export class TenancyScopeSource implements TenantScopeSource {
  constructor(
    @InjectModel(Membership.name) private readonly memberships: Model<Membership>,
    private readonly tenants: TenantsRepository,
  ) {}

  async scopeOf(actor: Actor, tenantId: string): Promise<TenantScope | undefined> {
    const id = new Types.ObjectId(tenantId);
    const [open, membership] = await Promise.all([
      this.tenants.openPlan(id),
      Types.ObjectId.isValid(actor.id)
        ? scoped(this.memberships).findOne({ tenantId: id, userId: new Types.ObjectId(actor.id) }, { role: 1, _id: 0 })
        : null,
    ]);
    if (!open) return undefined;
    if (membership) return { id: tenantId, roles: [membership.role], planKey: open.planKey };
    return isStaff(actor) ? { id: tenantId, roles: [], planKey: open.planKey } : undefined;
  }
}
