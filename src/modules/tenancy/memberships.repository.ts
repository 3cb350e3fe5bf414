import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { Membership } from './schemas/membership.schema.js';
import { TeamMember } from './schemas/team-member.schema.js';
import { alreadyMember, changedConcurrently, lastOwner } from './tenancy-problems.js';
import type { TenantRole } from './tenant-roles.js';
import { TenantsRepository } from './tenants.repository.js';

/**
 * The one writer of memberships. Every write that can change how many owners a tenant has goes
 * through the tenant's `ownerCount`, moved in the order that keeps it at or below the real number:
 * a demotion takes its count first (refused while it is the last), a promotion adds it after.
 */
@Injectable()
export class MembershipsRepository {
  readonly memberships: TenantScoped<Membership>;
  private readonly teamMembers: TenantScoped<TeamMember>;

  constructor(
    @InjectModel(Membership.name) readonly model: Model<Membership>,
    @InjectModel(TeamMember.name) teamMemberModel: Model<TeamMember>,
    private readonly tenants: TenantsRepository,
  ) {
    this.memberships = scoped(model);
    this.teamMembers = scoped(teamMemberModel);
  }

  find(tenantId: Types.ObjectId, userId: Types.ObjectId) {
    return this.memberships.findOne({ tenantId, userId });
  }

  /** The creator's owner membership, written before the tenant (which starts counting one owner). */
  async addCreator(tenantId: Types.ObjectId, userId: Types.ObjectId): Promise<void> {
    await this.model.create({ tenantId, userId, role: 'owner', joinedAt: new Date() });
  }

  /** Undoes addCreator when the tenant could not be created. */
  async removeCreator(tenantId: Types.ObjectId, userId: Types.ObjectId): Promise<void> {
    await this.memberships.deleteOne({ tenantId, userId });
  }

  /** Adds a member; 409 when they already are one. */
  async add(
    tenantId: Types.ObjectId,
    userId: Types.ObjectId,
    role: TenantRole,
    invitedBy?: Types.ObjectId,
    at = new Date(),
  ): Promise<Membership> {
    let created: Membership;
    try {
      created = (await this.model.create({ tenantId, userId, role, joinedAt: at, ...(invitedBy ? { invitedBy } : {}) })).toObject();
    } catch (error) {
      if (isDuplicateKeyOn(error, ['tenantId', 'userId'])) throw alreadyMember();
      throw error;
    }
    if (role === 'owner') await this.tenants.ownerAdded(tenantId);
    await this.tenants.membersChanged(tenantId, 1);
    return created;
  }

  /** Moves a member from `from` to `to`; 409 when it would leave no owner or the role changed meanwhile. */
  async changeRole(tenantId: Types.ObjectId, userId: Types.ObjectId, from: TenantRole, to: TenantRole): Promise<Membership> {
    if (from === to) {
      const same = await this.memberships.findOne({ tenantId, userId });
      if (!same) throw changedConcurrently();
      return same;
    }
    if (from === 'owner' && !(await this.tenants.ownerLeaving(tenantId))) throw lastOwner();
    const moved = await this.memberships.findOneAndUpdate({ tenantId, userId, role: from }, { $set: { role: to } });
    if (!moved) {
      if (from === 'owner') await this.tenants.ownerAdded(tenantId);
      throw changedConcurrently();
    }
    if (to === 'owner') await this.tenants.ownerAdded(tenantId);
    return moved;
  }

  /** Removes a member and their team places; 409 for the last owner. */
  async remove(tenantId: Types.ObjectId, userId: Types.ObjectId, role: TenantRole): Promise<void> {
    if (role === 'owner' && !(await this.tenants.ownerLeaving(tenantId))) throw lastOwner();
    const removed = await this.memberships.deleteOne({ tenantId, userId, role });
    if (removed.deletedCount === 0) {
      if (role === 'owner') await this.tenants.ownerAdded(tenantId);
      throw changedConcurrently();
    }
    await this.tenants.membersChanged(tenantId, -1);
    await this.teamMembers.deleteMany({ tenantId, userId });
  }

  /**
   * The system removing a deleted account's membership: an owner's count goes down even if it was
   * the last (the caller then finds a successor or closes the tenant).
   */
  async removeForDeletedAccount(tenantId: Types.ObjectId, userId: Types.ObjectId): Promise<Membership | null> {
    const removed = await this.memberships.findOneAndDelete({ tenantId, userId });
    if (!removed) return null;
    if (removed.role === 'owner') await this.tenants.ownerGone(tenantId);
    await this.tenants.membersChanged(tenantId, -1);
    await this.teamMembers.deleteMany({ tenantId, userId });
    return removed;
  }

  /** How many owners the tenant has besides this user. */
  otherOwners(tenantId: Types.ObjectId, userId: Types.ObjectId): Promise<number> {
    return this.memberships.count({ tenantId, role: 'owner', userId: trusted({ $ne: userId }) });
  }

  /** The longest-standing member of a role, for succession. */
  async oldest(tenantId: Types.ObjectId, role: TenantRole): Promise<Membership | undefined> {
    const [first] = await this.model
      .find({ tenantId, role }, { tenantId: 1, userId: 1, role: 1, joinedAt: 1 })
      .sort({ joinedAt: 1, _id: 1 })
      .limit(1)
      .lean<Membership[]>();
    return first;
  }

  /** Every membership of a user, across tenants (their list, and account deletion). */
  ofUser(userId: Types.ObjectId) {
    return this.memberships.findAcrossTenants({ userId }, { tenantId: 1, role: 1, joinedAt: 1 });
  }

  /** How many tenants the user owns, for the per-user limit. */
  async ownedBy(userId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ userId, role: 'owner' }).setOptions({ acrossTenants: true });
  }

  /** A closed tenant's memberships and team places go with it. */
  async removeAllOf(tenantId: Types.ObjectId): Promise<number> {
    const removed = await this.memberships.deleteMany({ tenantId });
    await this.teamMembers.deleteMany({ tenantId });
    return removed.deletedCount;
  }
}
