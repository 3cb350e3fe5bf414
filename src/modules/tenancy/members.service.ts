import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { isStaff } from '../../core/auth/roles.js';
import { compact } from '../../core/database/find-page.js';
import { EffectsRelay } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { UserDirectory } from '../identity/index.js';
import type { AddMemberDto, MemberDto, MemberQueryDto } from './dto/member.dto.js';
import { toMemberDto } from './member.mapper.js';
import { MembershipsRepository } from './memberships.repository.js';
import { MEMBERSHIP_LIFECYCLE, roleTrigger } from './membership.lifecycle.js';
import type { Membership } from './schemas/membership.schema.js';
import { TenancyAudit } from './tenancy-audit.js';
import { notMember, roleNotAllowed } from './tenancy-problems.js';
import { MANAGERS, type TenantRole } from './tenant-roles.js';
import { TenantsRepository } from './tenants.repository.js';

/** A tenant's members: who they are, adding an existing user, role changes, removal, leaving and handing ownership over. */
@Injectable()
export class MembersService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly memberships: MembershipsRepository,
    private readonly tenants: TenantsRepository,
    private readonly users: UserDirectory,
    private readonly relay: EffectsRelay,
    private readonly audit: TenancyAudit,
  ) {}

  async list(ctx: RequestContext, tenantId: string, query: MemberQueryDto): Promise<Page<MemberDto>> {
    this.policy.requireOn(ctx, 'member.read', { tenantId }, 'tenant');
    const page = await this.memberships.memberships.findPage(
      compact({ tenantId: new Types.ObjectId(tenantId), role: query.role }),
      query,
      (membership) => membership,
      { joinedAt: 1 },
    );
    const contacts = await this.users.contactsOf(page.items.map((membership) => membership.userId.toString()));
    const seesEmails = this.seesEmails(ctx);
    return {
      ...page,
      items: page.items.map((membership) => toMemberDto(membership, contacts.get(membership.userId.toString()), seesEmails)),
    };
  }

  /** Adds an existing account (by id or address) with a role; owners may add owners, admins up to admin. */
  async add(ctx: ActorContext, tenantId: string, input: AddMemberDto): Promise<MemberDto> {
    this.policy.requireOn(ctx, 'member.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'member.manage');
    const role = input.role ?? 'member';
    if (role === 'owner' && roleTrigger(ctx.tenant?.roles ?? [], isStaff(ctx.actor)) === 'participant')
      throw roleNotAllowed('Admins cannot make owners; an owner can.');
    const userId = input.userId ?? (input.email ? await this.users.findIdByEmail(input.email) : undefined);
    const contact = userId ? await this.users.contactOf(userId) : undefined;
    // The tenant exists (404 is kept for that); the account the body names does not: a field of the request is wrong.
    if (!userId || !contact)
      throw new ValidationProblem([{ field: input.userId ? 'userId' : 'email', message: 'names no account; invite the address instead' }]);
    const id = new Types.ObjectId(tenantId);
    const membership = await this.memberships.add(id, new Types.ObjectId(userId), role, new Types.ObjectId(ctx.actor.id));
    await this.memberAdded(ctx, membership, 'direct');
    return toMemberDto(membership, contact, true);
  }

  /** Shared with invite acceptance: the event other contexts hear and the audit entry. */
  async memberAdded(ctx: RequestContext, membership: Membership, via: 'direct' | 'invite'): Promise<void> {
    const tenantId = membership.tenantId.toString();
    const userId = membership.userId.toString();
    await this.tenants.owe(
      membership.tenantId,
      this.relay.owe(
        'tenant.member-added',
        { tenantId, memberUserId: userId, tenantRole: membership.role, via, ...(ctx.actor ? { addedById: ctx.actor.id } : {}) },
        `member-added:${tenantId}:${userId}:${membership.joinedAt.getTime()}`,
      ),
    );
    await this.audit.record(ctx, 'membership.added', 'membership', membership._id, {
      tenantId,
      after: { userId, role: membership.role, via },
    });
  }

  async changeRole(ctx: RequestContext, tenantId: string, userId: string, to: TenantRole): Promise<MemberDto> {
    this.policy.requireOn(ctx, 'member.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'member.manage');
    const id = new Types.ObjectId(tenantId);
    const current = await this.memberships.find(id, new Types.ObjectId(userId));
    if (!current) throw notMember();
    const trigger = roleTrigger(ctx.tenant?.roles ?? [], ctx.actor ? isStaff(ctx.actor) : false);
    if (current.role !== to && (!trigger || !MEMBERSHIP_LIFECYCLE.mayTrigger(current.role, to, trigger)))
      throw roleNotAllowed(`An admin cannot move a member from ${current.role} to ${to}; an owner can.`);
    const moved = await this.memberships.changeRole(id, current.userId, current.role, to);
    if (current.role !== to)
      await this.audit.record(ctx, 'membership.role-changed', 'membership', current._id, {
        tenantId,
        before: { userId, role: current.role },
        after: { userId, role: to },
      });
    return toMemberDto(moved, await this.users.contactOf(userId), this.seesEmails(ctx));
  }

  /** Removes a member, or the caller leaves; the last owner cannot go. */
  async remove(ctx: ActorContext, tenantId: string, userId: string): Promise<void> {
    this.policy.requireOn(ctx, 'member.read', { tenantId }, 'tenant');
    const leaving = userId === ctx.actor.id;
    if (!leaving) this.policy.require(ctx, 'member.manage');
    const id = new Types.ObjectId(tenantId);
    const current = await this.memberships.find(id, new Types.ObjectId(userId));
    if (!current) throw notMember();
    if (!leaving && current.role === 'owner' && !ctx.tenant?.roles.includes('owner') && !isStaff(ctx.actor))
      throw roleNotAllowed('Only an owner removes an owner.');
    await this.memberships.remove(id, current.userId, current.role);
    await this.memberRemoved(ctx, current, leaving ? 'left' : 'removed');
  }

  async memberRemoved(ctx: RequestContext, membership: Membership, via: 'removed' | 'left' | 'account-deleted'): Promise<void> {
    const tenantId = membership.tenantId.toString();
    const userId = membership.userId.toString();
    await this.tenants.owe(
      membership.tenantId,
      this.relay.owe(
        'tenant.member-removed',
        { tenantId, memberUserId: userId, via, ...(ctx.actor ? { removedById: ctx.actor.id } : {}) },
        `member-removed:${tenantId}:${userId}:${membership.joinedAt.getTime()}`,
      ),
    );
    await this.audit.record(ctx, 'membership.removed', 'membership', membership._id, {
      tenantId,
      before: { userId, role: membership.role },
      after: { via },
    });
  }

  /** The caller (an owner) makes a member owner and stays on as admin. */
  async transferOwnership(ctx: ActorContext, tenantId: string, userId: string): Promise<MemberDto> {
    this.policy.requireOn(ctx, 'member.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'tenant.transfer-ownership');
    if (userId === ctx.actor.id) throw roleNotAllowed('You already own this tenant; name another member.');
    const id = new Types.ObjectId(tenantId);
    const target = await this.memberships.find(id, new Types.ObjectId(userId));
    if (!target) throw notMember();
    // Promote first, then step down: in between there are two owners, never none.
    const promoted = await this.memberships.changeRole(id, target.userId, target.role, 'owner');
    await this.memberships.changeRole(id, new Types.ObjectId(ctx.actor.id), 'owner', 'admin');
    await this.audit.record(ctx, 'ownership.transferred', 'tenant', id, {
      tenantId,
      before: { ownerId: ctx.actor.id, newOwnerRole: target.role },
      after: { ownerId: userId, previousOwnerRole: 'admin' },
    });
    return toMemberDto(promoted, await this.users.contactOf(userId), true);
  }

  private seesEmails(ctx: RequestContext): boolean {
    return (ctx.actor !== undefined && isStaff(ctx.actor)) || MANAGERS.some((role) => ctx.tenant?.roles.includes(role));
  }
}
