import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { systemContext } from '../../core/auth/request-context.js';
import { AppConfig } from '../../core/config/app-config.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { MailService } from '../mail/index.js';
import { EmailVerificationTokens } from './email-verification-tokens.js';
import { IdentityConfig } from './identity.config.js';
import { salutationOf } from './identity.mapper.js';
import { User } from './schemas/user.schema.js';

/** The effect an account owes when its address needs proving: the verification email. */
export const VERIFICATION_MAIL_EFFECT = 'identity.verification-mail';

/**
 * One send of the verification email to `email`. The payload holds no secret: the token is minted
 * when the email is queued, and the key (per send) keeps a replayed effect from mailing twice.
 */
export function verificationMailEffect(userId: string, email: string, send: string): EffectRequest {
  return { key: `verify-email:${userId}:${send}`, name: VERIFICATION_MAIL_EFFECT, payload: { userId, email } };
}

/**
 * Sends the verification email straight through mail, not as a notification: it is transactional, so
 * no setting, quiet hours or channel choice may hold it back, and the link stays out of the inbox feed.
 */
@Injectable()
export class VerificationMail implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
    private readonly tokens: EmailVerificationTokens,
    private readonly config: AppConfig,
    private readonly identity: IdentityConfig,
    @InjectModel(User.name) private readonly users: Model<User>,
  ) {}

  onModuleInit(): void {
    this.relay.handle(VERIFICATION_MAIL_EFFECT, (payload, key) => this.send(payload, key));
  }

  private async send(payload: Record<string, unknown>, key: string): Promise<void> {
    const userId = String(payload.userId);
    const email = String(payload.email);
    if (!Types.ObjectId.isValid(userId)) return;
    const user = await this.users
      .findById(new Types.ObjectId(userId), { email: 1, status: 1, emailVerifiedAt: 1, profile: 1 })
      .lean<Pick<User, '_id' | 'email' | 'status' | 'emailVerifiedAt' | 'profile'>>();
    // Verified meanwhile, another address now, or an account that receives nothing: this email is no longer wanted.
    if (!user || user.status !== 'active' || user.emailVerifiedAt || user.email !== email) return;
    const token = this.tokens.issue(userId, email);
    const hours = this.identity.EMAIL_VERIFICATION_TTL_HOURS;
    await this.mail.enqueue(systemContext(key), {
      to: email,
      template: 'verify-email',
      variables: {
        name: salutationOf(user),
        url: `${this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '')}/verify-email?token=${token}`,
        validFor: hours === 1 ? '1 hour' : `${hours} hours`,
      },
      idempotencyKey: key,
      // Someone is waiting for it with the page open.
      priority: 10,
    });
  }
}
