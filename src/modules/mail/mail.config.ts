import { IsOptional, IsString, Matches } from 'class-validator';
import { IntSetting } from '../../core/config/config-section.js';
import { IsCronExpression } from '../../core/jobs/cron-schedule.js';

/** The mail module's slice of the environment: the worker's cadence and retries, the SMTP server, the sender. */
export class MailConfig {
  /** How often the drain job claims a batch. */
  @IntSetting({ min: 100 }) EMAIL_DRAIN_INTERVAL_MS = 5000;
  @IntSetting({ min: 1, max: 1000 }) EMAIL_BATCH_SIZE = 50;
  /** Sends in flight at once per worker (and twice that in pooled SMTP connections). */
  @IntSetting({ min: 1, max: 50 }) EMAIL_CONCURRENCY = 4;
  /** Attempts before an email is dead. */
  @IntSetting({ min: 1, max: 50 }) EMAIL_MAX_ATTEMPTS = 6;
  /** The first retry's delay; each further one doubles (with jitter). */
  @IntSetting({ min: 10 }) EMAIL_RETRY_BASE_MS = 30_000;
  /** How long a claimed email is its worker's; a worker that dies leaves it to another after this. */
  @IntSetting({ min: 100 }) EMAIL_LEASE_MS = 60_000;
  /** Sent and dead mail queued longer ago than this is purged: it holds addresses and rendered links, and nothing reads it after. */
  @IntSetting({ min: 1 }) EMAIL_RETENTION_DAYS = 30;
  /** When the purge runs (UTC): nightly, off the busy hours. */
  @IsCronExpression() EMAIL_PURGE_CRON = '0 3 * * *';

  /** Unset: every email is written as an .eml file under DATA_DIR/mail instead of sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  @IsString() MAIL_FROM = 'Atrium <no-reply@atrium.local>';
}
