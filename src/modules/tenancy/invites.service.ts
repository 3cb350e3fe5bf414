import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { isStaff } from '../../core/auth/roles.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { compact } from '../../core/database/find-page.js';
import { scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { auditEntry, type Trigger } from '../../core/lifecycle/index.js';
import type { Page } from '../../core/http/pagination.js';
import { EmailNotVerifiedProblem, UserDirectory } from '../identity/index.js';
import type { AcceptedInviteDto, CreateInviteDto, InviteDto, InviteQueryDto } from './dto/invite.dto.js';
import { INVITE_LIFECYCLE, type InviteStatus } from './invite.lifecycle.js';
import { inviteMailEffect } from './invite-mail.js';
import { toInviteDto } from './invite.mapper.js';
import { hashInviteToken, newInviteToken, pendingKeyOf } from './invite-tokens.js';
import { MembersService } from './members.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { Invite } from './schemas/invite.schema.js';
import { TenancyAudit } from './tenancy-audit.js';
import { TenancyConfig } from './tenancy.config.js';
import {
  alreadyMember,
  changedConcurrently,
  inviteExpired,
  inviteForSomeoneElse,
  inviteNotFound,
  invitePending,
  inviteSettled,
  notMember,
  roleNotAllowed,
  tooManyInvites,
} from './tenancy-problems.js';
import { TenantsRepository } from './tenants.repository.js';

const HOUR_MS = 3_600_000;

const originOf = (ctx: RequestContext, trigger: Trigger) => ({
  trigger,
  source: ctx.system ? 'job' : 'api',
  actorId: ctx.actor?.id,
  ip: ctx.client.ip,
  userAgent: ctx.client.userAgent,
});

/** Invitations: sent by a tenant's managers to an address, accepted by the account of that address. */
@Injectable()
export class InvitesService {
  readonly invites: TenantScoped<Invite>;

  constructor(
    private readonly policy: PermissionPolicy,
    @InjectModel(Invite.name) readonly model: Model<Invite>,
    private readonly tenants: TenantsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly members: MembersService,
    private readonly users: UserDirectory,
    private readonly config: TenancyConfig,
    private readonly audit: TenancyAudit,
  ) {
    this.invites = scoped(model);
  }

  async create(ctx: ActorContext, tenantId: string, input: CreateInviteDto): Promise<InviteDto> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'invite.manage');
    const role = input.role ?? 'member';
    if (role === 'owner' && !ctx.tenant?.roles.includes('owner') && !isStaff(ctx.actor))
      throw roleNotAllowed('Only an owner invites owners.');
    const id = new Types.ObjectId(tenantId);
    const email = input.email.trim().toLowerCase();
    const existing = await this.users.findIdByEmail(email);
    if (existing && (await this.memberships.find(id, new Types.ObjectId(existing)))) throw alreadyMember();
    const max = this.config.TENANT_MAX_PENDING_INVITES;
    if ((await this.invites.count({ tenantId: id, status: 'pending' })) >= max) throw tooManyInvites(max);
    const { token, tokenHash } = newInviteToken();
    const now = new Date();
    let invite: Invite;
    try {
      invite = (
        await this.model.create({
          tenantId: id,
          email,
          role,
          tokenHash,
          invitedBy: new Types.ObjectId(ctx.actor.id),
          status: 'pending',
          pendingKey: pendingKeyOf(tenantId, email),
          expiresAt: new Date(now.getTime() + this.config.INVITE_TTL_HOURS * HOUR_MS),
          sendCount: 1,
          audit: [auditEntry(null, 'pending', originOf(ctx, 'participant'), now)],
        })
      ).toObject();
    } catch (error) {
      if (isDuplicateKeyOn(error, ['pendingKey'])) throw invitePending();
      throw error;
    }
    const mailed = await this.oweMail(invite, 1, token);
    await this.audit.record(ctx, 'invite.created', 'invite', invite._id, { tenantId, after: { email, role } });
    return toInviteDto(mailed);
  }

  async list(ctx: RequestContext, tenantId: string, query: InviteQueryDto): Promise<Page<InviteDto>> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'invite.read');
    return this.invites.findPage(compact({ tenantId: new Types.ObjectId(tenantId), status: query.status }), query, (invite) =>
      toInviteDto(invite),
    );
  }

  async revoke(ctx: RequestContext, tenantId: string, inviteId: string): Promise<void> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'invite.manage');
    const invite = await this.load(tenantId, inviteId);
    await this.move(ctx, invite, 'revoked', ctx.actor && isStaff(ctx.actor) && ctx.tenant?.roles.length === 0 ? 'staff' : 'participant');
    await this.audit.record(ctx, 'invite.revoked', 'invite', invite._id, { tenantId, before: { status: invite.status } });
  }

  /** A new token and expiry, emailed again; an expired invite becomes pending once more. */
  async resend(ctx: RequestContext, tenantId: string, inviteId: string): Promise<InviteDto> {
    this.policy.requireOn(ctx, 'tenant.read', { tenantId }, 'tenant');
    this.policy.require(ctx, 'invite.manage');
    const invite = await this.load(tenantId, inviteId);
    const status = this.effectiveStatus(invite);
    if (status !== 'pending') INVITE_LIFECYCLE.assertMove(status, 'pending', 'participant');
    const renewed = await this.renew(ctx, invite);
    if (!renewed) throw changedConcurrently();
    await this.audit.record(ctx, 'invite.resent', 'invite', invite._id, { tenantId, after: { sendCount: renewed.sendCount } });
    return toInviteDto(renewed);
  }

  /** Rotates the token, extends the expiry and owes the email; null when the invite was settled meanwhile. */
  private async renew(ctx: RequestContext, invite: Invite): Promise<Invite | null> {
    const { token, tokenHash } = newInviteToken();
    const now = new Date();
    const status = invite.status;
    let renewed: Invite | null;
    try {
      renewed = await this.invites.findOneAndUpdate(
        { tenantId: invite.tenantId, _id: invite._id, status, sendCount: invite.sendCount },
        {
          $set: {
            status: 'pending',
            tokenHash,
            pendingKey: pendingKeyOf(invite.tenantId.toString(), invite.email),
            expiresAt: new Date(now.getTime() + this.config.INVITE_TTL_HOURS * HOUR_MS),
          },
          $inc: { sendCount: 1 },
          $unset: { mailOwedAt: 1 },
          ...(status !== 'pending' ? { $push: { audit: auditEntry(status, 'pending', originOf(ctx, 'participant'), now) } } : {}),
        },
      );
    } catch (error) {
      if (isDuplicateKeyOn(error, ['pendingKey'])) throw invitePending();
      throw error;
    }
    return renewed ? this.oweMail(renewed, renewed.sendCount, token) : null;
  }

  private async oweMail(invite: Invite, sendCount: number, token: string): Promise<Invite> {
    await this.tenants.owe(invite.tenantId, [inviteMailEffect(invite, sendCount, token)]);
    const marked = await this.invites.findOneAndUpdate(
      { tenantId: invite.tenantId, _id: invite._id, sendCount },
      { $set: { mailOwedAt: new Date() } },
    );
    return marked ?? invite;
  }

  /**
   * The signed-in account of the invited address, once it verified that address, joins with the
   * invite's role. Settled invites are 409, expired ones 410 Gone. A crash between accepting and
   * joining is finished by accepting again.
   */
  async accept(ctx: ActorContext, token: string): Promise<AcceptedInviteDto> {
    this.policy.require(ctx, 'invite.accept');
    // The token is the only key the invitee has; it names no tenant, so the lookup spans them.
    const [invite] = await this.invites.findAcrossTenants({ tokenHash: hashInviteToken(token) });
    if (!invite) throw inviteNotFound();
    const tenant = await this.tenants.findOpen(invite.tenantId);
    if (!tenant) throw inviteNotFound();
    const address = await this.users.emailOf(ctx.actor.id);
    if (!address) throw inviteForSomeoneElse();
    // Only a proven address may claim what was sent to it: an account can be registered for anyone's address.
    if (!address.verified) throw new EmailNotVerifiedProblem();
    if (address.email.toLowerCase() !== invite.email) throw inviteForSomeoneElse();
    const userId = new Types.ObjectId(ctx.actor.id);
    const result: AcceptedInviteDto = { tenantId: tenant._id.toString(), tenantName: tenant.name, role: invite.role };
    if (invite.status === 'accepted' && invite.acceptedBy?.equals(userId) && !(await this.memberships.find(invite.tenantId, userId))) {
      await this.join(ctx, invite, userId);
      return result;
    }
    const status = this.effectiveStatus(invite);
    if (status === 'expired') {
      if (invite.status === 'pending') await this.expireOne(invite);
      throw inviteExpired();
    }
    if (status !== 'pending') throw inviteSettled(status);
    const now = new Date();
    const accepted = await this.invites.findOneAndUpdate(
      { tenantId: invite.tenantId, _id: invite._id, status: 'pending', tokenHash: invite.tokenHash, expiresAt: trusted({ $gt: now }) },
      {
        $set: { status: 'accepted', acceptedAt: now, acceptedBy: userId },
        $unset: { pendingKey: 1 },
        $push: { audit: auditEntry('pending', 'accepted', originOf(ctx, 'owner'), now) },
      },
    );
    if (!accepted) {
      const current = await this.invites.findOne({ tenantId: invite.tenantId, _id: invite._id });
      const now = current ? this.effectiveStatus(current) : 'revoked';
      if (now === 'expired') throw inviteExpired();
      throw inviteSettled(now);
    }
    await this.join(ctx, accepted, userId);
    await this.audit.record(ctx, 'invite.accepted', 'invite', invite._id, { tenantId: result.tenantId, after: { userId: ctx.actor.id } });
    return result;
  }

  private async join(ctx: ActorContext, invite: Invite, userId: Types.ObjectId): Promise<void> {
    try {
      const membership = await this.memberships.add(invite.tenantId, userId, invite.role, invite.invitedBy);
      await this.members.memberAdded(ctx, membership, 'invite');
    } catch (error) {
      // Added directly meanwhile: they are a member, which is what the invite was for.
      if (!(error instanceof Error && 'slug' in error && error.slug === 'already-member')) throw error;
    }
  }

  /** System: marks pending invites past their time expired (the lifecycle's system move); answers how many. */
  async expireDue(now = new Date()): Promise<number> {
    const result = await this.invites.updateManyAcrossTenants(
      { status: 'pending', expiresAt: trusted({ $lte: now }) },
      {
        $set: { status: 'expired' },
        $unset: { pendingKey: 1 },
        $push: { audit: auditEntry('pending', 'expired', { trigger: 'system', source: 'job' }, now) },
      },
    );
    return result.modifiedCount;
  }

  /** System: invites settled or expired longer ago than the retention, for servers without a TTL monitor. */
  async purgeOld(before: Date): Promise<number> {
    const result = await this.invites.deleteManyAcrossTenants({
      status: trusted({ $ne: 'pending' }),
      expiresAt: trusted({ $lte: before }),
    });
    return result.deletedCount;
  }

  /** System: pending invites whose email a crash left unowed get a fresh token and their email. */
  async repairUnmailed(olderThan: Date): Promise<number> {
    const stranded = await this.invites.findAcrossTenants({ status: 'pending', mailOwedAt: null, createdAt: trusted({ $lte: olderThan }) });
    let repaired = 0;
    for (const invite of stranded.slice(0, 100))
      if (await this.renew({ client: {}, requestId: 'invite-repair', system: true }, invite)) repaired++;
    return repaired;
  }

  private async expireOne(invite: Invite): Promise<void> {
    const now = new Date();
    await this.invites.updateOne(
      { tenantId: invite.tenantId, _id: invite._id, status: 'pending' },
      {
        $set: { status: 'expired' },
        $unset: { pendingKey: 1 },
        $push: { audit: auditEntry('pending', 'expired', { trigger: 'system', source: 'api' }, now) },
      },
    );
  }

  private effectiveStatus(invite: Invite, now = new Date()): InviteStatus {
    return invite.status === 'pending' && invite.expiresAt.getTime() <= now.getTime() ? 'expired' : invite.status;
  }

  private async load(tenantId: string, inviteId: string): Promise<Invite> {
    const invite = await this.invites.findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(inviteId) });
    if (!invite) throw notMember('invite');
    return invite;
  }

  /** A lifecycle move on one invite, compare-and-set on the status it was read in. */
  private async move(ctx: RequestContext, invite: Invite, to: InviteStatus, trigger: Trigger): Promise<Invite> {
    const from = this.effectiveStatus(invite);
    INVITE_LIFECYCLE.assertMove(from, to, trigger);
    const now = new Date();
    const moved = await this.invites.findOneAndUpdate(
      { tenantId: invite.tenantId, _id: invite._id, status: invite.status },
      { $set: { status: to }, $unset: { pendingKey: 1 }, $push: { audit: auditEntry(from, to, originOf(ctx, trigger), now) } },
    );
    if (!moved) throw changedConcurrently();
    return moved;
  }
}
