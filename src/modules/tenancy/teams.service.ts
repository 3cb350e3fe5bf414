import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { UserDirectory } from '../identity/index.js';
import type { AddTeamMemberDto, CreateTeamDto, TeamDto, TeamMemberDto, UpdateTeamDto } from './dto/team.dto.js';
import { MembershipsRepository } from './memberships.repository.js';
import { Team } from './schemas/team.schema.js';
import { TeamMember } from './schemas/team-member.schema.js';
import { TenancyAudit } from './tenancy-audit.js';
import { alreadyInTeam, notMember, notTenantMember, teamNameTaken } from './tenancy-problems.js';
import { toTeamDto, toTeamMemberDto } from './team.mapper.js';
import type { TeamRole } from './tenant-roles.js';

const nameKeyOf = (name: string) => name.trim().toLowerCase();
const oid = (id: string) => new Types.ObjectId(id);

/** Teams inside a tenant and who is in them; only the tenant's members join. */
@Injectable()
export class TeamsService {
  private readonly teams: TenantScoped<Team>;
  private readonly teamMembers: TenantScoped<TeamMember>;

  constructor(
    private readonly policy: PermissionPolicy,
    @InjectModel(Team.name) teamModel: Model<Team>,
    @InjectModel(TeamMember.name) teamMemberModel: Model<TeamMember>,
    private readonly memberships: MembershipsRepository,
    private readonly users: UserDirectory,
    private readonly audit: TenancyAudit,
  ) {
    this.teams = scoped(teamModel);
    this.teamMembers = scoped(teamMemberModel);
  }

  async create(ctx: RequestContext, tenantId: string, input: CreateTeamDto): Promise<TeamDto> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    try {
      const team = await this.teams.model.create({
        tenantId: oid(tenantId),
        name: input.name.trim(),
        nameKey: nameKeyOf(input.name),
        description: input.description,
        createdBy: oid(ctx.actor!.id),
      });
      await this.audit.record(ctx, 'team.created', 'team', team._id, { tenantId, after: { name: team.name } });
      return toTeamDto(team.toObject());
    } catch (error) {
      if (isDuplicateKeyOn(error, ['tenantId', 'nameKey'])) throw teamNameTaken(input.name.trim());
      throw error;
    }
  }

  async list(ctx: RequestContext, tenantId: string, query: PageQueryDto): Promise<Page<TeamDto>> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    return this.teams.findPage({ tenantId: oid(tenantId) }, query, toTeamDto, { name: 1 });
  }

  async get(ctx: RequestContext, tenantId: string, teamId: string): Promise<TeamDto> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    return toTeamDto(await this.load(tenantId, teamId));
  }

  async update(ctx: RequestContext, tenantId: string, teamId: string, input: UpdateTeamDto): Promise<TeamDto> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    const before = await this.load(tenantId, teamId);
    const set = compact({
      name: input.name?.trim(),
      nameKey: input.name === undefined ? undefined : nameKeyOf(input.name),
      description: input.description,
    });
    try {
      const team = Object.keys(set).length
        ? await this.teams.findOneAndUpdate({ tenantId: oid(tenantId), _id: before._id }, { $set: set })
        : before;
      if (!team) throw notMember('team');
      await this.audit.record(ctx, 'team.updated', 'team', team._id, {
        tenantId,
        before: { name: before.name, description: before.description },
        after: { name: team.name, description: team.description },
      });
      return toTeamDto(team);
    } catch (error) {
      if (isDuplicateKeyOn(error, ['tenantId', 'nameKey'])) throw teamNameTaken(input.name?.trim() ?? '');
      throw error;
    }
  }

  async remove(ctx: RequestContext, tenantId: string, teamId: string): Promise<void> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    const team = await this.teams.findOneAndDelete({ tenantId: oid(tenantId), _id: oid(teamId) });
    if (!team) throw notMember('team');
    await this.teamMembers.deleteMany({ tenantId: oid(tenantId), teamId: team._id });
    await this.audit.record(ctx, 'team.deleted', 'team', team._id, { tenantId, before: { name: team.name } });
  }

  async members(ctx: RequestContext, tenantId: string, teamId: string, query: PageQueryDto): Promise<Page<TeamMemberDto>> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    const team = await this.load(tenantId, teamId);
    const page = await this.teamMembers.findPage({ tenantId: oid(tenantId), teamId: team._id }, query, (member) => member, {
      createdAt: 1,
    });
    const contacts = await this.users.contactsOf(page.items.map((member) => member.userId.toString()));
    return { ...page, items: page.items.map((member) => toTeamMemberDto(member, contacts.get(member.userId.toString()))) };
  }

  async addMember(ctx: RequestContext, tenantId: string, teamId: string, input: AddTeamMemberDto): Promise<TeamMemberDto> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    const team = await this.load(tenantId, teamId);
    if (!(await this.memberships.find(team.tenantId, oid(input.userId)))) throw notTenantMember();
    let member: TeamMember;
    try {
      member = (
        await this.teamMembers.model.create({
          tenantId: team.tenantId,
          teamId: team._id,
          userId: oid(input.userId),
          role: input.role ?? 'member',
          addedBy: ctx.actor ? oid(ctx.actor.id) : undefined,
        })
      ).toObject();
    } catch (error) {
      if (isDuplicateKeyOn(error, ['teamId', 'userId'])) throw alreadyInTeam();
      throw error;
    }
    // A member removed from the tenant at this very moment must not stay in its team.
    if (!(await this.memberships.find(team.tenantId, member.userId))) {
      await this.teamMembers.deleteOne({ tenantId: team.tenantId, _id: member._id });
      throw notTenantMember();
    }
    await this.audit.record(ctx, 'team.member-added', 'team', team._id, { tenantId, after: { userId: input.userId, role: member.role } });
    return toTeamMemberDto(member, await this.users.contactOf(input.userId));
  }

  async changeMemberRole(ctx: RequestContext, tenantId: string, teamId: string, userId: string, role: TeamRole): Promise<TeamMemberDto> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    const before = await this.teamMembers.findOne({ tenantId: oid(tenantId), teamId: oid(teamId), userId: oid(userId) });
    if (!before) throw notMember('team member');
    const member = await this.teamMembers.findOneAndUpdate({ tenantId: oid(tenantId), _id: before._id }, { $set: { role } });
    if (!member) throw notMember('team member');
    if (before.role !== role)
      await this.audit.record(ctx, 'team.member-role-changed', 'team', before.teamId, {
        tenantId,
        before: { userId, role: before.role },
        after: { userId, role },
      });
    return toTeamMemberDto(member, await this.users.contactOf(userId));
  }

  async removeMember(ctx: RequestContext, tenantId: string, teamId: string, userId: string): Promise<void> {
    this.policy.requireOn(ctx, 'team.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'team.manage');
    const removed = await this.teamMembers.findOneAndDelete({ tenantId: oid(tenantId), teamId: oid(teamId), userId: oid(userId) });
    if (!removed) throw notMember('team member');
    await this.audit.record(ctx, 'team.member-removed', 'team', removed.teamId, { tenantId, before: { userId, role: removed.role } });
  }

  private async load(tenantId: string, teamId: string): Promise<Team> {
    const team = await this.teams.findOne({ tenantId: oid(tenantId), _id: oid(teamId) });
    if (!team) throw notMember('team');
    return team;
  }
}
