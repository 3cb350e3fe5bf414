import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { systemContext } from '../../core/auth/request-context.js';
import { AppConfig } from '../../core/config/app-config.js';
import { within } from '../../core/database/find-page.js';
import { MailService } from '../mail/index.js';
import { CareersConfig } from './careers.config.js';
import { hashFollowUpToken, newFollowUpToken } from './follow-up-tokens.js';
import { FollowUpLink } from './schemas/follow-up-link.schema.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The signed follow-up link: a random token mailed to the applicant, of which only the SHA-256 is
 * stored, valid for that one address until it expires. It stands in for signing in on the
 * applicant's routes (`?token=`).
 */
@Injectable()
export class FollowUpLinks {
  constructor(
    @InjectModel(FollowUpLink.name) private readonly links: Model<FollowUpLink>,
    private readonly mail: MailService,
    private readonly config: CareersConfig,
    private readonly app: AppConfig,
  ) {}

  /** The address a valid, unexpired token speaks for; undefined for anything else. */
  async emailOf(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const link = await this.links.findOne({ tokenHash: hashFollowUpToken(token) }).lean<FollowUpLink>();
    // Expired links are dropped by a TTL index; until it runs, the expiry is checked here.
    return link && link.expiresAt.getTime() > Date.now() ? link.email : undefined;
  }

  /**
   * Mails a new link to `email`, unless the address had CAREERS_FOLLOW_UP_LINKS_PER_HOUR already in
   * the last hour. Queued through the mail queue, which retries; the token itself is never stored.
   */
  async send(email: string, name: string): Promise<boolean> {
    const address = email.toLowerCase();
    const recent = await this.links.countDocuments({ email: address, createdAt: within(new Date(Date.now() - HOUR_MS), undefined) });
    if (recent >= this.config.CAREERS_FOLLOW_UP_LINKS_PER_HOUR) return false;
    const { token, tokenHash } = newFollowUpToken();
    const expiresAt = new Date(Date.now() + this.config.CAREERS_FOLLOW_UP_LINK_TTL_DAYS * DAY_MS);
    const link = await this.links.create({ tokenHash, email: address, expiresAt });
    const base = this.app.get('PUBLIC_BASE_URL').replace(/\/+$/, '');
    await this.mail.enqueue(systemContext(`careers-follow-up:${link._id.toString()}`), {
      to: address,
      template: 'careers-follow-up-link',
      variables: {
        name,
        expiresAt: expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        url: `${base}/careers/applications?token=${token}`,
      },
      idempotencyKey: `careers-follow-up:${link._id.toString()}`,
      priority: 5,
    });
    return true;
  }

  /** A deleted user's links, by their former address. */
  async eraseFor(email: string): Promise<void> {
    await this.links.deleteMany({ email: email.toLowerCase() });
  }
}
