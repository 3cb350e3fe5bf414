import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { AccountStateCache } from '../../core/auth/account-state.cache.js';
import type { Actor } from '../../core/auth/roles.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { accountLifecycle } from './account-status.lifecycle.js';
import { ActivityService } from './activity.service.js';
import type { ChangeStatusDto } from './dto/account.dto.js';
import type { UserDto } from './dto/user.dto.js';
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
  ) {}

  /**
   * Deactivating signs the account out everywhere: its sessions are revoked and its access tokens stop
   * on this instance at once, on the others within AUTH_ACCOUNT_CACHE_MS.
   */
  async change(actor: Actor, id: string, input: ChangeStatusDto, client: ClientInfo): Promise<UserDto> {
    if (actor.id === id) throw new ConflictException('Admins cannot change the status of their own account.');
    const current = await this.users.findById(new Types.ObjectId(id)).lean<User>();
    if (!current) throw new NotFoundException('No such user.');
    if (current.status === input.status) return toUserDto(current);
    accountLifecycle.assertMove(current.status, input.status, 'staff');
    const now = new Date();
    const deactivating = input.status === 'deactivated';
    const update = deactivating
      ? { $set: { status: input.status, statusReason: input.reason, statusChangedAt: now, tokensValidAfter: now } }
      : { $set: { status: input.status, statusChangedAt: now }, $unset: { statusReason: 1 } };
    // Compare-and-set on the status it was read in: of two concurrent changes, one wins.
    const updated = await this.users
      .findOneAndUpdate({ _id: current._id, status: current.status }, update, { returnDocument: 'after' })
      .lean<User>();
    if (!updated) throw new IllegalTransitionProblem('account', 'a concurrently changed state', input.status);
    if (deactivating) await this.sessions.revokeAllOf(id, 'account-deactivated');
    this.accountCache.forgetUser(id);
    await this.activity.record(id, deactivating ? 'account-deactivated' : 'account-reactivated', client, {
      actorId: actor.id,
      details: input.reason ? { reason: input.reason } : undefined,
    });
    return toUserDto(updated);
  }
}
