import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, type Model } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { IdentityConfig } from './identity.config.js';
import { LoginThrottle } from './schemas/login-throttle.schema.js';

const DAY_MS = 24 * 3600 * 1000;

interface Keys {
  account: string;
  pairKey: string;
  accountKey: string;
  knownKey: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

function keysOf(email: string, ip: string | undefined): Keys {
  const account = digest(email);
  const pair = digest(`${email}\n${ip ?? 'unknown'}`);
  return { account, pairKey: `pair:${pair}`, accountKey: `account:${account}`, knownKey: `known:${pair}` };
}

/**
 * Slows the attacker, not the owner (OWASP Authentication Cheat Sheet): failures lock the
 * (account, address) pair with exponential backoff, so guessing from one address cannot lock the
 * owner out from another. A much higher account-wide limit, also backing off, slows guessing spread
 * over many addresses; it spares addresses that recently signed in to the account. State is in
 * MongoDB, updated atomically, so every instance counts the same.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectModel(LoginThrottle.name) private readonly throttles: Model<LoginThrottle>,
    private readonly config: IdentityConfig,
  ) {}

  /** 429 with Retry-After while this pair, or the account for an address it does not know, is locked. */
  async assertMayTry(email: string, ip: string | undefined): Promise<void> {
    const keys = keysOf(email, ip);
    const now = new Date();
    const rows = await this.throttles
      .find({ key: trusted({ $in: [keys.pairKey, keys.accountKey, keys.knownKey] }), expiresAt: trusted({ $gt: now }) })
      .select({ key: 1, lockedUntil: 1 })
      .lean<Pick<LoginThrottle, 'key' | 'lockedUntil'>[]>();
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const locks = [byKey.get(keys.pairKey)?.lockedUntil];
    if (!byKey.has(keys.knownKey)) locks.push(byKey.get(keys.accountKey)?.lockedUntil);
    const until = Math.max(0, ...locks.map((lock) => lock?.getTime() ?? 0));
    if (until > now.getTime()) {
      const retryAfter = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
      throw new HttpException({ message: 'Too many failed sign-ins; try again later.', retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const keys = keysOf(email, ip);
    await Promise.all([
      this.countFailure(keys.pairKey, keys.account, this.config.LOGIN_MAX_FAILURES),
      this.countFailure(keys.accountKey, keys.account, this.config.LOGIN_ACCOUNT_MAX_FAILURES),
    ]);
  }

  /** The pair starts over and the address becomes known; the account-wide count stays (the spray goes on). */
  async recordSuccess(email: string, ip: string | undefined): Promise<void> {
    const keys = keysOf(email, ip);
    const expiresAt = new Date(Date.now() + this.config.LOGIN_KNOWN_CLIENT_DAYS * DAY_MS);
    await this.throttles.deleteOne({ key: keys.pairKey });
    try {
      await this.throttles.updateOne(
        { key: keys.knownKey },
        { $set: { expiresAt }, $setOnInsert: { account: keys.account, failures: 0 } },
        { upsert: true },
      );
    } catch (error) {
      // A concurrent sign-in from the same address wrote the same row.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Erases every row of an account (its deletion). */
  async forgetAccount(email: string): Promise<void> {
    await this.throttles.deleteMany({ account: keysOf(email, undefined).account });
  }

  /**
   * One more failure on a counter; from `threshold` on, a lock of LOGIN_LOCK_BASE_SECONDS doubling per
   * further failure, capped at LOGIN_LOCK_SECONDS. Counters are forgotten LOGIN_LOCK_SECONDS after the
   * last failure or lock.
   */
  private async countFailure(key: string, account: string, threshold: number): Promise<void> {
    const now = Date.now();
    const windowMs = this.config.LOGIN_LOCK_SECONDS * 1000;
    // A counter past its expiry starts over, also on servers that do not expire by TTL.
    await this.throttles.deleteOne({ key, expiresAt: trusted({ $lte: new Date(now) }) });
    const failures = await this.increment(key, account, new Date(now + windowMs));
    const over = failures - threshold;
    if (over < 0) return;
    const lockMs = Math.min(this.config.LOGIN_LOCK_BASE_SECONDS * 1000 * 2 ** over, windowMs);
    const lockedUntil = new Date(now + lockMs);
    // $max: a concurrent, longer lock is never shortened.
    await this.throttles.updateOne({ key }, { $max: { lockedUntil, expiresAt: new Date(lockedUntil.getTime() + windowMs) } });
  }

  private async increment(key: string, account: string, expiresAt: Date): Promise<number> {
    const update = { $inc: { failures: 1 }, $max: { expiresAt }, $setOnInsert: { account } };
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.throttles
          .findOneAndUpdate({ key }, update, { upsert: true, returnDocument: 'after', projection: { failures: 1 } })
          .lean<Pick<LoginThrottle, 'failures'>>();
        return counter?.failures ?? 1;
      } catch (error) {
        // Two first failures raced to insert the counter; the loser increments the winner's.
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  }
}
