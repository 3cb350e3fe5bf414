import { Injectable, UnauthorizedException, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { AccountStateCache } from '../../core/auth/account-state.cache.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { systemContext, type ActorContext } from '../../core/auth/request-context.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { IllegalTransitionProblem, ValidationProblem } from '../../core/http/problem.js';
import { LastAdminProblem } from './account-problems.js';
import { accountLifecycle } from './account-status.lifecycle.js';
import { ActivityService } from './activity.service.js';
import { IdentityEvents, type UserDeletedEvent } from './identity.events.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { User } from './schemas/user.schema.js';
import { SessionsService } from './sessions.service.js';

/** Unique per account (the unique email index holds) and undeliverable: `.invalid` never resolves (RFC 2606). */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
/** Not an argon2 hash: no password ever verifies against it. */
const NO_PASSWORD = 'erased';

/**
 * Deletion by the owner: the account becomes an anonymous tombstone at once (tokens stop, sign-in fails,
 * the address may register again), and every context erases what it keeps of the user through owed
 * `user.deleted` effects, retried until they succeed. The id stays, so the financial records that must
 * be kept (transactions, invoices, refunds) still name their payer.
 */
@Injectable()
export class AccountDeletionService implements OnModuleInit {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly activity: ActivityService,
    private readonly accountCache: AccountStateCache,
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
  ) {}

  onModuleInit(): void {
    // Identity's own share: sessions (addresses, user agents) and sign-in counters.
    this.relay.on(IdentityEvents.deleted, 'identity', async ({ userId, email }, key) => {
      this.policy.require(systemContext(key), 'identity.erase');
      await this.sessions.deleteAllOf(userId);
      await this.throttle.forgetAccount(email);
    });
  }

  async deleteMe(ctx: ActorContext, password: string): Promise<void> {
    this.policy.require(ctx, 'account.own');
    const { actor } = ctx;
    const user = await this.users.findById(new Types.ObjectId(actor.id)).select('+passwordHash').lean<User>();
    if (!user || user.status !== 'active') throw new UnauthorizedException('The account is not active.');
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new ValidationProblem([{ field: 'password', message: 'is not the current password' }]);
    }
    accountLifecycle.assertMove(user.status, 'deleted', 'owner');
    if (user.role === 'admin' && !(await this.users.exists({ role: 'admin', status: 'active', _id: trusted({ $ne: user._id }) }))) {
      throw new LastAdminProblem();
    }
    const now = new Date();
    const event: UserDeletedEvent = { userId: actor.id, email: user.email };
    const effects = owedEffects(this.relay.owe(IdentityEvents.deleted, event, `user.deleted:${actor.id}`), now);
    const deleted = await this.users
      .findOneAndUpdate(
        { _id: user._id, status: 'active' },
        {
          $set: {
            status: 'deleted',
            email: tombstoneEmail(actor.id),
            passwordHash: NO_PASSWORD,
            searchKeys: [],
            profile: { timezone: 'UTC', locale: 'en' },
            preferences: { theme: 'system', productEmails: false, marketingEmails: false },
            deletedAt: now,
            statusChangedAt: now,
            tokensValidAfter: now,
          },
          $unset: { statusReason: 1, lastLoginAt: 1, passwordChangedAt: 1 },
          $push: { effects: { $each: effects } },
        },
        { returnDocument: 'after', projection: { effects: 1 } },
      )
      .lean<Pick<User, '_id' | 'effects'>>();
    if (!deleted) throw new IllegalTransitionProblem('account', 'a concurrently changed state', 'deleted');
    this.accountCache.forgetUser(actor.id);
    await this.activity.record(ctx, actor.id, 'account-deleted');
    // Prompt erasure; whatever fails stays owed and the relay's sweep retries it.
    await this.relay.deliver(this.users, deleted);
    await this.pruneDone({ _id: user._id });
  }

  /**
   * Done effects are history, and their payloads hold addresses and names (a deleted user's former
   * one too): they go once they ran, so a user's document does not grow with every password change.
   */
  async pruneDone(filter: Record<string, unknown> = {}): Promise<number> {
    const result = await this.users.updateMany({ ...filter, 'effects.state': 'done' }, { $pull: { effects: { state: 'done' } } });
    return result.modifiedCount;
  }
}
