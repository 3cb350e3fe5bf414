import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { AccountStateCache } from '../../core/auth/account-state.cache.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext } from '../../core/auth/request-context.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import { accountLifecycle } from './account-status.lifecycle.js';
import { ActivityService } from './activity.service.js';
import type { ChangeAccountStatusDto } from './dto/account.dto.js';
import type { UserDto } from './dto/user.dto.js';
import { IdentityEvents } from './identity.events.js';
import { toUserDto } from './identity.mapper.js';
import { User } from './schemas/user.schema.js';
import { SessionsService } from './sessions.service.js';

/** Admin deactivation and reactivation of accounts. */
@Injectable()
export class AccountStatusService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly sessions: SessionsService,
    private readonly activity: ActivityService,
    private readonly accountCache: AccountStateCache,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Deactivating signs the account out everywhere: its sessions are revoked and its access tokens stop
   * on this instance at once, on the others within AUTH_ACCOUNT_CACHE_MS. What the change owes other
   * contexts is written with it.
   */
  async change(ctx: ActorContext, id: string, input: ChangeAccountStatusDto): Promise<UserDto> {
    this.policy.require(ctx, 'user.status');
    if (ctx.actor.id === id) throw new ConflictException('Admins cannot change the status of their own account.');
    const current = await this.users.findById(new Types.ObjectId(id)).lean<User>();
    if (!current) throw new NotFoundException('No such user.');
    if (current.status === input.status) return toUserDto(current);
    accountLifecycle.assertMove(current.status, input.status, 'staff');
    const now = new Date();
    const deactivating = input.status === 'deactivated';
    const key = `${input.status}:${id}:${now.getTime()}`;
    const owed = deactivating
      ? this.relay.owe(IdentityEvents.deactivated, { userId: id, byUserId: ctx.actor.id, reason: input.reason }, key)
      : this.relay.owe(IdentityEvents.reactivated, { userId: id, byUserId: ctx.actor.id }, key);
    const $push = { effects: { $each: owedEffects(owed, now) } };
    const update = deactivating
      ? { $set: { status: input.status, statusReason: input.reason, statusChangedAt: now, tokensValidAfter: now }, $push }
      : { $set: { status: input.status, statusChangedAt: now }, $unset: { statusReason: 1 }, $push };
    // Compare-and-set on the status it was read in: of two concurrent changes, one wins.
    const updated = await this.users
      .findOneAndUpdate({ _id: current._id, status: current.status }, update, { returnDocument: 'after' })
      .lean<User>();
    if (!updated) throw new IllegalTransitionProblem('account', 'a concurrently changed state', input.status);
    if (deactivating) await this.sessions.revokeAllOf(id, 'account-deactivated');
    this.accountCache.forgetUser(id);
    await this.activity.record(
      ctx,
      id,
      deactivating ? 'account-deactivated' : 'account-reactivated',
      input.reason ? { reason: input.reason } : undefined,
    );
    await this.audit.record(ctx, {
      action: 'user.status-changed',
      targetType: 'user',
      targetId: id,
      before: { status: current.status, statusReason: current.statusReason },
      after: { status: updated.status, statusReason: updated.statusReason },
    });
    await this.relay.deliver(this.users, updated);
    return toUserDto(updated);
  }
}
