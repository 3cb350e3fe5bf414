import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { iso } from '../../core/http/serialize.js';
import { ActivityService } from './activity.service.js';
import type { EmailVerifiedDto, VerificationSentDto } from './dto/email-verification.dto.js';
import { EmailVerificationTokens } from './email-verification-tokens.js';
import { AlreadyVerifiedProblem, InvalidVerificationTokenProblem, VerificationResendLimitProblem } from './email-verification.problems.js';
import { IdentityConfig } from './identity.config.js';
import { User } from './schemas/user.schema.js';
import { verificationMailEffect } from './verification-mail.js';

const HOUR_MS = 3_600_000;

type Verifiable = Pick<User, '_id' | 'email' | 'status' | 'emailVerifiedAt' | 'verificationResends' | 'verificationResendsSince'>;
const VERIFIABLE = { email: 1, status: 1, emailVerifiedAt: 1, verificationResends: 1, verificationResendsSince: 1 } as const;

const verifiedDto = (user: Pick<User, 'email' | 'emailVerifiedAt'>): EmailVerifiedDto => ({
  verified: true,
  email: user.email,
  emailVerifiedAt: iso(user.emailVerifiedAt)!,
});

/** Proving that an account's owner receives mail at its address, through links that nothing needs to store. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly tokens: EmailVerificationTokens,
    private readonly relay: EffectsRelay,
    private readonly activity: ActivityService,
    private readonly policy: PermissionPolicy,
    private readonly config: IdentityConfig,
  ) {}

  /**
   * The link's token names the account and the address it was mailed to; it verifies while that is
   * still the account's address. Following it again answers the same, so a double click is harmless.
   */
  async verify(ctx: RequestContext, token: string): Promise<EmailVerifiedDto> {
    this.policy.require(ctx, 'account.verify-email');
    const check = await this.tokens.verify(token);
    if (!check.valid) throw new InvalidVerificationTokenProblem(check.reason);
    const { userId, email } = check.claim;
    const _id = new Types.ObjectId(userId);
    const verified = await this.users
      .findOneAndUpdate(
        { _id, email, status: 'active', emailVerifiedAt: null },
        { $set: { emailVerifiedAt: new Date() } },
        { returnDocument: 'after', projection: VERIFIABLE },
      )
      .lean<Verifiable>();
    if (verified) {
      await this.activity.record(ctx, _id, 'email-verified', { email });
      return verifiedDto(verified);
    }
    const current = await this.users.findById(_id, VERIFIABLE).lean<Verifiable>();
    if (current?.status === 'active' && current.email === email && current.emailVerifiedAt) return verifiedDto(current);
    throw new InvalidVerificationTokenProblem('invalid');
  }

  /**
   * Owes a new verification email, at most EMAIL_VERIFICATION_RESENDS_PER_HOUR an hour. The count lives
   * on the user and moves in the same conditional update that owes the email, so concurrent requests
   * on any instance cannot pass the limit together.
   */
  async resend(ctx: ActorContext, now = new Date()): Promise<VerificationSentDto> {
    this.policy.require(ctx, 'account.own');
    const _id = new Types.ObjectId(ctx.actor.id);
    const user = await this.users.findById(_id, VERIFIABLE).lean<Verifiable>();
    if (!user || user.status !== 'active') throw new UnauthorizedException('The account is not active.');
    if (user.emailVerifiedAt) throw new AlreadyVerifiedProblem();
    const max = this.config.EMAIL_VERIFICATION_RESENDS_PER_HOUR;
    const windowStart = new Date(now.getTime() - HOUR_MS);
    const effects = owedEffects([verificationMailEffect(ctx.actor.id, user.email, new Types.ObjectId().toString())], now);
    const unverified = { _id, email: user.email, status: 'active' as const, emailVerifiedAt: null };
    const options = { returnDocument: 'after' as const, projection: { ...VERIFIABLE, effects: 1 } };
    // A request that loses a race to open the window finds it open on its next try.
    for (let attempt = 0; attempt < 3; attempt++) {
      const owed =
        (await this.users
          .findOneAndUpdate(
            { ...unverified, verificationResendsSince: trusted({ $gt: windowStart }), verificationResends: trusted({ $lt: max }) },
            { $inc: { verificationResends: 1 }, $push: { effects: { $each: effects } } },
            options,
          )
          .lean<Verifiable & Pick<User, 'effects'>>()) ??
        // No window open (or the last one is over): this send opens one.
        (await this.users
          .findOneAndUpdate(
            { ...unverified, $or: [{ verificationResendsSince: null }, { verificationResendsSince: trusted({ $lte: windowStart }) }] },
            { $set: { verificationResends: 1, verificationResendsSince: now }, $push: { effects: { $each: effects } } },
            options,
          )
          .lean<Verifiable & Pick<User, 'effects'>>());
      if (owed) {
        await this.relay.deliver(this.users, owed);
        return { email: owed.email, resendsLeft: Math.max(0, max - (owed.verificationResends ?? 0)) };
      }
      const refusal = await this.refusal(_id, windowStart, max, now);
      if (refusal) throw refusal;
    }
    throw new ConflictException('The account changed while the request ran; try again.');
  }

  /** Why neither update matched: verified meanwhile, or this hour's sends are used up; undefined when it is worth another try. */
  private async refusal(_id: Types.ObjectId, windowStart: Date, max: number, now: Date): Promise<Error | undefined> {
    const current = await this.users.findById(_id, VERIFIABLE).lean<Verifiable>();
    if (!current || current.status !== 'active') return new UnauthorizedException('The account is not active.');
    if (current.emailVerifiedAt) return new AlreadyVerifiedProblem();
    const since = current.verificationResendsSince;
    if (since && since > windowStart && (current.verificationResends ?? 0) >= max) {
      return new VerificationResendLimitProblem(Math.max(1, Math.ceil((since.getTime() + HOUR_MS - now.getTime()) / 1000)), max);
    }
    return undefined;
  }
}
