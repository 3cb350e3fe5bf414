import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import type { Actor } from '../../core/auth/roles.js';
import { TokenVerifier } from '../../core/auth/token-verifier.js';
import { AppConfig } from '../../core/config/app-config.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { AccountDeactivatedProblem } from './account-problems.js';
import { ActivityService } from './activity.service.js';
import type { AuthResultDto, ChangePasswordDto, LoginDto, RegisterDto, TokensDto } from './dto/auth.dto.js';
import { IdentityEvents, type UserPasswordChangedEvent, type UserRegisteredEvent } from './identity.events.js';
import { salutationOf, toUserDto } from './identity.mapper.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { searchKeysOf, User } from './schemas/user.schema.js';
import { RefreshReuseDetected, RevokedByDeactivation, SessionsService, type IssuedRefresh } from './sessions.service.js';
import { verificationMailEffect } from './verification-mail.js';
import { insertLean } from '../../core/database/insert-lean.js';

const INVALID_CREDENTIALS = 'Invalid email or password.';

@Injectable()
export class AuthService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenVerifier,
    private readonly activity: ActivityService,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfig,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
  ) {}

  /**
   * The welcome and the verification email the account owes are written in the same insert as the
   * account, so a crash right after the answer cannot lose them: the relay delivers them now, or its
   * sweep after a restart.
   */
  async register(ctx: RequestContext, input: RegisterDto): Promise<AuthResultDto> {
    this.policy.require(ctx, 'account.register');
    const _id = new Types.ObjectId();
    const profile = {
      firstName: input.firstName,
      lastName: input.lastName,
      displayName: input.displayName,
      timezone: input.timezone ?? 'UTC',
      locale: input.locale ?? 'en',
    };
    const welcome: UserRegisteredEvent = {
      userId: _id.toString(),
      email: input.email,
      name: salutationOf({ email: input.email, profile }),
      locale: profile.locale,
    };
    // A duplicate email fails on the unique index and is answered 409.
    const user = await insertLean(this.users, {
      _id,
      email: input.email,
      passwordHash: await this.hasher.hash(input.password),
      role: 'user',
      profile,
      searchKeys: searchKeysOf(input.email, profile),
      effects: owedEffects([
        ...this.relay.owe(IdentityEvents.registered, welcome, `welcome:${welcome.userId}`),
        verificationMailEffect(welcome.userId, input.email, 'registered'),
      ]),
    });
    await this.activity.record(ctx, user._id, 'registered');
    await this.relay.deliver(this.users, user);
    return { ...(await this.issue(ctx, user)), user: toUserDto(user) };
  }

  async login(ctx: RequestContext, input: LoginDto): Promise<AuthResultDto> {
    this.policy.require(ctx, 'account.sign-in');
    const client = ctx.client;
    await this.throttle.assertMayTry(input.email, client.ip);
    const user = await this.users.findOne({ email: input.email }).select('+passwordHash').lean<User>();
    const valid = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !valid || user.status === 'deleted') {
      await this.throttle.recordFailure(input.email, client.ip);
      if (user) await this.activity.record(ctx, user._id, 'login-failed');
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // Only a caller who knows the password learns that the account is deactivated.
    if (user.status === 'deactivated') {
      await this.activity.record(ctx, user._id, 'login-failed', { reason: 'deactivated' });
      throw new AccountDeactivatedProblem();
    }
    await this.throttle.recordSuccess(input.email, client.ip);
    const lastLoginAt = new Date();
    await this.users.updateOne({ _id: user._id }, { $set: { lastLoginAt } });
    await this.activity.record(ctx, user._id, 'login');
    const { passwordHash: _omitted, ...visible } = user;
    return { ...(await this.issue(ctx, user)), user: toUserDto({ ...visible, lastLoginAt } as User) };
  }

  async refresh(ctx: RequestContext, refreshToken: string): Promise<TokensDto> {
    this.policy.require(ctx, 'account.sign-in');
    let issued: IssuedRefresh;
    try {
      issued = await this.sessions.rotate(ctx, refreshToken);
    } catch (error) {
      if (error instanceof RefreshReuseDetected && error.revokedNow) {
        await this.activity.record(ctx, error.userId, 'refresh-token-reuse', { sessionId: error.sessionId });
      }
      if (error instanceof RevokedByDeactivation && (await this.statusOf(error.userId)) === 'deactivated') {
        throw new AccountDeactivatedProblem();
      }
      throw error;
    }
    const user = await this.users
      .findById(new Types.ObjectId(issued.userId), { role: 1, status: 1 })
      .lean<Pick<User, '_id' | 'role' | 'status'>>();
    if (!user || user.status !== 'active') {
      const deactivated = user?.status === 'deactivated';
      await this.sessions.revoke(issued.sessionId, deactivated ? 'account-deactivated' : 'revoked');
      throw deactivated ? new AccountDeactivatedProblem() : new UnauthorizedException('The account is not active.');
    }
    return this.tokensFor({ id: issued.userId, role: user.role, sessionId: issued.sessionId }, issued);
  }

  async logout(ctx: ActorContext): Promise<void> {
    this.policy.require(ctx, 'account.own');
    await this.sessions.revoke(ctx.actor.sessionId, 'logout');
    await this.activity.record(ctx, ctx.actor.id, 'logout');
  }

  async revokeSession(ctx: ActorContext, sessionId: string): Promise<void> {
    const ownerId = await this.sessions.revokeFor(ctx, sessionId);
    await this.activity.record(ctx, ownerId, 'session-revoked', { sessionId });
  }

  /** Other devices are signed out; this one keeps its session. The security notice is owed in the same update. */
  async changePassword(ctx: ActorContext, input: ChangePasswordDto): Promise<void> {
    this.policy.require(ctx, 'account.own');
    const { actor } = ctx;
    const user = await this.users.findById(new Types.ObjectId(actor.id)).select('+passwordHash').lean<User>();
    if (!user) throw new UnauthorizedException('The account no longer exists.');
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new ValidationProblem([{ field: 'currentPassword', message: 'is not the current password' }]);
    }
    const changedAt = new Date();
    const notice: UserPasswordChangedEvent = { userId: actor.id, changedAt: changedAt.toISOString() };
    const effects = owedEffects(
      this.relay.owe(IdentityEvents.passwordChanged, notice, `password-changed:${actor.id}:${changedAt.getTime()}`),
    );
    const changed = await this.users
      .findOneAndUpdate(
        { _id: user._id },
        {
          $set: { passwordHash: await this.hasher.hash(input.newPassword), passwordChangedAt: changedAt },
          $push: { effects: { $each: effects } },
        },
        { returnDocument: 'after', projection: { effects: 1 } },
      )
      .lean<Pick<User, '_id' | 'effects'>>();
    const signedOut = await this.sessions.revokeAllOf(actor.id, 'password-changed', actor.sessionId);
    await this.activity.record(ctx, actor.id, 'password-changed', { otherSessionsRevoked: signedOut });
    if (changed) await this.relay.deliver(this.users, changed);
  }

  private async statusOf(userId: string): Promise<User['status'] | undefined> {
    return (await this.users.findById(new Types.ObjectId(userId), { status: 1 }).lean<Pick<User, 'status'>>())?.status;
  }

  private async issue(ctx: RequestContext, user: Pick<User, '_id' | 'role'>): Promise<TokensDto> {
    const refresh = await this.sessions.start(ctx, user._id.toString());
    return this.tokensFor({ id: user._id.toString(), role: user.role, sessionId: refresh.sessionId }, refresh);
  }

  private tokensFor(actor: Actor, refresh: IssuedRefresh): TokensDto {
    return {
      accessToken: this.tokens.sign(actor),
      tokenType: 'Bearer',
      expiresIn: this.config.get('JWT_ACCESS_TTL_SECONDS'),
      refreshToken: refresh.refreshToken,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
    };
  }
}
