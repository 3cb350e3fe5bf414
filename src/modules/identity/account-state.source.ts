import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import type { AccountState, AccountStateSource } from '../../core/auth/account-state.js';
import { User } from './schemas/user.schema.js';
import { UserSession } from './schemas/user-session.schema.js';

const isId = (value: string) => value.length === 24 && Types.ObjectId.isValid(value);

/** What the guard needs of an account and a session, in two indexed reads by id. */
@Injectable()
export class IdentityAccountStateSource implements AccountStateSource {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(UserSession.name) private readonly sessions: Model<UserSession>,
  ) {}

  async load(userId: string, sessionId: string): Promise<AccountState | undefined> {
    if (!isId(userId) || !isId(sessionId)) return undefined;
    const [user, session] = await Promise.all([
      this.users
        .findById(new Types.ObjectId(userId), { status: 1, role: 1, tokensValidAfter: 1 })
        .lean<Pick<User, 'status' | 'role' | 'tokensValidAfter'>>(),
      this.sessions.exists({
        _id: new Types.ObjectId(sessionId),
        userId: new Types.ObjectId(userId),
        revokedAt: null,
        expiresAt: trusted({ $gt: new Date() }),
      }),
    ]);
    if (!user) return undefined;
    return {
      active: user.status === 'active',
      role: user.role,
      tokensValidAfter: user.tokensValidAfter ? Math.floor(user.tokensValidAfter.getTime() / 1000) : undefined,
      sessionActive: session !== null,
    };
  }
}
