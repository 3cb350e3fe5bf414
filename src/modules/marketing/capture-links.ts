import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.js';
import { signCaptureToken } from './capture-tokens.js';
import { MarketingConfig } from './marketing.config.js';

const HOUR_MS = 3_600_000;

/** The signed links of a sign-up: confirm (expires after EMAIL_CAPTURE_CONFIRM_TTL_HOURS) and one-click unsubscribe (never). */
@Injectable()
export class CaptureLinks {
  constructor(
    private readonly app: AppConfig,
    private readonly config: MarketingConfig,
  ) {}

  confirm(id: string, now = new Date()): { url: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + this.config.EMAIL_CAPTURE_CONFIRM_TTL_HOURS * HOUR_MS);
    return { url: this.link('confirm', signCaptureToken(this.secret, 'confirm', id, expiresAt)), expiresAt };
  }

  /** Put in every marketing email (and its List-Unsubscribe header). */
  unsubscribe(id: string): string {
    return this.link('unsubscribe', signCaptureToken(this.secret, 'unsubscribe', id));
  }

  get secret(): string {
    return this.app.get('JWT_SECRET');
  }

  private link(path: 'confirm' | 'unsubscribe', token: string): string {
    return `${this.app.get('PUBLIC_BASE_URL')}/api/email-captures/${path}?token=${encodeURIComponent(token)}`;
  }
}
