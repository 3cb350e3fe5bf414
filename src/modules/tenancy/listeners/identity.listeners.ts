import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import { systemContext, type RequestContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { InvitesService } from '../invites.service.js';
import { MembersService } from '../members.service.js';
import { MembershipsRepository } from '../memberships.repository.js';
import type { Membership } from '../schemas/membership.schema.js';
import { TenantsService } from '../tenants.service.js';

/**
 * A deleted account leaves every tenant it belonged to, and invites to its address go. A tenant it
 * was the last owner of passes to its longest-standing admin, else member, else closes. The
 * successor is made owner before the account leaves, so a crash in between (the relay runs this
 * again) never leaves a tenant without an owner.
 */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly memberships: MembershipsRepository,
    private readonly members: MembersService,
    private readonly tenants: TenantsService,
    private readonly invites: InvitesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'tenancy', async ({ userId, email }, key) => {
      const ctx = systemContext(key);
      this.policy.require(ctx, 'tenancy.system');
      const user = new Types.ObjectId(userId);
      for (const membership of await this.memberships.ofUser(user)) await this.leave(ctx, membership, user);
      if (email) await this.invites.invites.deleteManyAcrossTenants({ email: email.toLowerCase(), status: 'pending' });
    });
  }

  private async leave(ctx: RequestContext, membership: Membership, user: Types.ObjectId): Promise<void> {
    const tenantId = membership.tenantId;
    if (membership.role === 'owner' && (await this.memberships.otherOwners(tenantId, user)) === 0) {
      const successor = (await this.memberships.oldest(tenantId, 'admin')) ?? (await this.memberships.oldest(tenantId, 'member'));
      if (!successor) {
        await this.tenants.closeTenant(ctx, tenantId, undefined).catch((error: unknown) => {
          // Closed already (an earlier run got this far): nothing left to hand over.
          if (!(error instanceof Error && 'slug' in error && error.slug === 'not-found')) throw error;
        });
        return;
      }
      await this.memberships.changeRole(tenantId, successor.userId, successor.role, 'owner');
    }
    const removed = await this.memberships.removeForDeletedAccount(tenantId, user);
    if (removed) await this.members.memberRemoved(ctx, removed, 'account-deleted');
  }
}
