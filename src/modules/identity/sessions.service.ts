import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createHash, randomBytes } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { AccountStateCache } from '../../core/auth/account-state.cache.js';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import type { SessionDto } from './dto/session.dto.js';
import { IdentityConfig } from './identity.config.js';
import { toSessionDto } from './identity.mapper.js';
import { UserSession } from './schemas/user-session.schema.js';
import { insertLean } from '../../core/database/insert-lean.js';
import { AuditTrail } from '../audit/index.js';

/** How many rotated hashes a session remembers to recognise a replayed refresh token. */
const REMEMBERED_HASHES = 100;

export type RevokeReason = NonNullable<UserSession['revokedReason']>;

export interface IssuedRefresh {
  sessionId: string;
  userId: string;
  refreshToken: string;
  expiresAt: Date;
}

/** Refresh-token families: `<sessionId>.<secret>`, stored as a hash, rotated on every use. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectModel(UserSession.name) private readonly sessions: Model<UserSession>,
    private readonly config: IdentityConfig,
    private readonly accountCache: AccountStateCache,
    private readonly policy: PermissionPolicy,
    private readonly audit: AuditTrail,
  ) {}

  /** A new session for a user who just proved who they are (registration, sign-in), from the caller's client. */
  async start(ctx: RequestContext, userId: string): Promise<IssuedRefresh> {
    const { client } = ctx;
    const secret = newSecret();
    const expiresAt = this.expiry();
    const session = await insertLean(this.sessions, {
      userId: new Types.ObjectId(userId),
      tokenHash: hash(secret),
      userAgent: client.userAgent,
      ip: client.ip,
      lastSeenAt: new Date(),
      expiresAt,
    });
    const sessionId = session._id.toHexString();
    return { sessionId, userId, refreshToken: `${sessionId}.${secret}`, expiresAt };
  }

  /**
   * Swaps a refresh token for a new one in one atomic update, so two concurrent uses
   * of the same token cannot both succeed. A token that was already rotated away is
   * a stolen copy: the whole family is revoked.
   */
  async rotate(ctx: RequestContext, refreshToken: string): Promise<IssuedRefresh & { reused?: false }> {
    const { client } = ctx;
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !Types.ObjectId.isValid(sessionId) || sessionId.length !== 24) throw invalidRefresh();
    const presented = hash(secret);
    const next = newSecret();
    const now = new Date();
    const expiresAt = this.expiry();
    const rotated = await this.sessions
      .findOneAndUpdate(
        { _id: new Types.ObjectId(sessionId), tokenHash: presented, revokedAt: null, expiresAt: trusted({ $gt: now }) },
        {
          $set: { tokenHash: hash(next), lastSeenAt: now, expiresAt, ip: client.ip, userAgent: client.userAgent },
          $push: { previousTokenHashes: { $each: [presented], $slice: -REMEMBERED_HASHES } },
        },
        { returnDocument: 'after', projection: { userId: 1 } },
      )
      .lean<Pick<UserSession, '_id' | 'userId'>>();
    if (rotated) {
      return { sessionId, userId: rotated.userId.toString(), refreshToken: `${sessionId}.${next}`, expiresAt };
    }
    const replayed = await this.sessions
      .findOneAndUpdate(
        { _id: new Types.ObjectId(sessionId), previousTokenHashes: presented },
        { $set: { revokedAt: now, revokedReason: 'reuse-detected' } },
        { projection: { userId: 1, revokedAt: 1 } },
      )
      .lean<Pick<UserSession, '_id' | 'userId' | 'revokedAt'>>();
    if (replayed) throw new RefreshReuseDetected(replayed.userId.toString(), sessionId, !replayed.revokedAt);
    // The current token of a session ended by a deactivation: the caller may be told why.
    const deactivated = await this.sessions
      .findOne({ _id: new Types.ObjectId(sessionId), tokenHash: presented, revokedReason: 'account-deactivated' }, { userId: 1 })
      .lean<Pick<UserSession, '_id' | 'userId'>>();
    if (deactivated) throw new RevokedByDeactivation(deactivated.userId.toString());
    throw invalidRefresh();
  }

  async listActive(ctx: ActorContext): Promise<SessionDto[]> {
    this.policy.require(ctx, 'account.own');
    const { actor } = ctx;
    const items = await this.sessions
      .find({ userId: new Types.ObjectId(actor.id), revokedAt: null, expiresAt: trusted({ $gt: new Date() }) })
      .sort({ lastSeenAt: -1, _id: -1 })
      .limit(100)
      .lean<UserSession[]>();
    return items.map((session) => toSessionDto(session, actor.sessionId));
  }

  /** Revokes one session of the caller's (staff: anyone's); answers the owner's id for the activity log. */
  async revokeFor(ctx: ActorContext, sessionId: string): Promise<string> {
    const session = await this.sessions.findById(sessionId, { userId: 1 }).lean<Pick<UserSession, '_id' | 'userId'>>();
    if (!session) throw new NotFoundException('No such session.');
    this.policy.requireOn(ctx, 'session.revoke', { ownerId: session.userId }, 'session');
    await this.revoke(sessionId, 'revoked');
    // Signing oneself out is not a privileged action; staff ending someone else's session is.
    if (session.userId.toString() !== ctx.actor.id)
      await this.audit.record(ctx, {
        action: 'session.revoked',
        targetType: 'session',
        targetId: sessionId,
        after: { userId: session.userId, revokedReason: 'revoked' },
      });
    return session.userId.toString();
  }

  /** Its access tokens stop here at once, and on other instances within AUTH_ACCOUNT_CACHE_MS. */
  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.updateOne(
      { _id: new Types.ObjectId(sessionId), revokedAt: null },
      { $set: { revokedAt: new Date(), revokedReason: reason } },
    );
    this.accountCache.forgetSession(sessionId);
  }

  async revokeAllOf(userId: string, reason: RevokeReason, exceptSessionId?: string): Promise<number> {
    const filter: Record<string, unknown> = { userId: new Types.ObjectId(userId), revokedAt: null };
    if (exceptSessionId) filter._id = trusted({ $ne: new Types.ObjectId(exceptSessionId) });
    const result = await this.sessions.updateMany(filter, { $set: { revokedAt: new Date(), revokedReason: reason } });
    this.accountCache.forgetUser(userId);
    return result.modifiedCount;
  }

  /** Erases every session of a deleted account (addresses and user agents are personal data). */
  async deleteAllOf(userId: string): Promise<void> {
    await this.sessions.deleteMany({ userId: new Types.ObjectId(userId) });
    this.accountCache.forgetUser(userId);
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  }
}

export class RefreshReuseDetected extends UnauthorizedException {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    /** False when the family had already been revoked before this replay. */
    readonly revokedNow: boolean,
  ) {
    super('This refresh token was already used; the session has been revoked.');
  }
}

/** The refresh token was current when an admin deactivated the account. */
export class RevokedByDeactivation extends UnauthorizedException {
  constructor(readonly userId: string) {
    super('The refresh token is invalid or expired.');
  }
}

const invalidRefresh = () => new UnauthorizedException('The refresh token is invalid or expired.');
const newSecret = () => randomBytes(32).toString('base64url');
const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
