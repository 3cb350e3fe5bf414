import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import { TokenVerifier } from '../../core/auth/token-verifier.js';
import { AppConfig } from '../../core/config/app-config.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { AccountDeactivatedProblem } from './account-problems.js';
import { ActivityService } from './activity.service.js';
import type { AuthResultDto, ChangePasswordDto, LoginDto, RegisterDto, TokensDto } from './dto/auth.dto.js';
import { IdentityEvents, type UserEvent } from './identity.events.js';
import { toUserDto } from './identity.mapper.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { searchKeysOf, User } from './schemas/user.schema.js';
import { RefreshReuseDetected, RevokedByDeactivation, SessionsService, type IssuedRefresh } from './sessions.service.js';

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
    private readonly events: EventEmitter2,
  ) {}

  async register(input: RegisterDto, client: ClientInfo): Promise<AuthResultDto> {
    const profile = {
      firstName: input.firstName,
      lastName: input.lastName,
      displayName: input.displayName,
      timezone: input.timezone ?? 'UTC',
      locale: input.locale ?? 'en',
    };
    // A duplicate email fails on the unique index and is answered 409.
    const created = await this.users.create({
      email: input.email,
      passwordHash: await this.hasher.hash(input.password),
      role: 'user',
      profile,
      searchKeys: searchKeysOf(input.email, profile),
    });
    const user = created.toObject<User>();
    await this.activity.record(user._id, 'registered', client);
    this.events.emit(IdentityEvents.registered, { userId: user._id.toString() } satisfies UserEvent);
    return { ...(await this.issue(user, client)), user: toUserDto(user) };
  }

  async login(input: LoginDto, client: ClientInfo): Promise<AuthResultDto> {
    await this.throttle.assertMayTry(input.email, client.ip);
    const user = await this.users.findOne({ email: input.email }).select('+passwordHash').lean<User>();
    const valid = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !valid || user.status === 'deleted') {
      await this.throttle.recordFailure(input.email, client.ip);
      if (user) await this.activity.record(user._id, 'login-failed', client);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // Only a caller who knows the password learns that the account is deactivated.
    if (user.status === 'deactivated') {
      await this.activity.record(user._id, 'login-failed', client, { details: { reason: 'deactivated' } });
      throw new AccountDeactivatedProblem();
    }
    await this.throttle.recordSuccess(input.email, client.ip);
    const lastLoginAt = new Date();
    await this.users.updateOne({ _id: user._id }, { $set: { lastLoginAt } });
    await this.activity.record(user._id, 'login', client);
    const { passwordHash: _omitted, ...visible } = user;
    return { ...(await this.issue(user, client)), user: toUserDto({ ...visible, lastLoginAt } as User) };
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokensDto> {
    let issued: IssuedRefresh;
    try {
      issued = await this.sessions.rotate(refreshToken, client);
    } catch (error) {
      if (error instanceof RefreshReuseDetected && error.revokedNow) {
        await this.activity.record(error.userId, 'refresh-token-reuse', client, { details: { sessionId: error.sessionId } });
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

  async logout(actor: Actor, client: ClientInfo): Promise<void> {
    await this.sessions.revoke(actor.sessionId, 'logout');
    await this.activity.record(actor.id, 'logout', client);
  }

  async revokeSession(actor: Actor, sessionId: string, client: ClientInfo): Promise<void> {
    const ownerId = await this.sessions.revokeFor(actor, sessionId);
    await this.activity.record(ownerId, 'session-revoked', client, {
      actorId: ownerId === actor.id ? undefined : actor.id,
      details: { sessionId },
    });
  }

  /** Other devices are signed out; this one keeps its session. */
  async changePassword(actor: Actor, input: ChangePasswordDto, client: ClientInfo): Promise<void> {
    const user = await this.users.findById(new Types.ObjectId(actor.id)).select('+passwordHash').lean<User>();
    if (!user) throw new UnauthorizedException('The account no longer exists.');
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new ValidationProblem([{ field: 'currentPassword', message: 'is not the current password' }]);
    }
    await this.users.updateOne(
      { _id: user._id },
      { $set: { passwordHash: await this.hasher.hash(input.newPassword), passwordChangedAt: new Date() } },
    );
    const signedOut = await this.sessions.revokeAllOf(actor.id, 'password-changed', actor.sessionId);
    await this.activity.record(actor.id, 'password-changed', client, { details: { otherSessionsRevoked: signedOut } });
    this.events.emit(IdentityEvents.passwordChanged, { userId: actor.id } satisfies UserEvent);
  }

  private async statusOf(userId: string): Promise<User['status'] | undefined> {
    return (await this.users.findById(new Types.ObjectId(userId), { status: 1 }).lean<Pick<User, 'status'>>())?.status;
  }

  private async issue(user: Pick<User, '_id' | 'role'>, client: ClientInfo): Promise<TokensDto> {
    const refresh = await this.sessions.start(user._id.toString(), client);
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
