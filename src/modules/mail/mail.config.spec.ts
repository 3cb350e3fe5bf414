import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { MailConfig } from './mail.config.js';

describe('the mail section of the environment', () => {
  it('keeps the names and defaults the core environment had', () => {
    expect(readConfigSection(MailConfig, {})).toEqual({
      EMAIL_DRAIN_INTERVAL_MS: 5000,
      EMAIL_BATCH_SIZE: 50,
      EMAIL_CONCURRENCY: 4,
      EMAIL_MAX_ATTEMPTS: 6,
      EMAIL_RETRY_BASE_MS: 30_000,
      EMAIL_LEASE_MS: 60_000,
      EMAIL_RETENTION_DAYS: 30,
      EMAIL_PURGE_CRON: '0 3 * * *',
      SMTP_URL: undefined,
      MAIL_FROM: 'Atrium <no-reply@atrium.local>',
    });
  });

  it('stops the start with one line naming a bad variable', () => {
    expect(() => readConfigSection(MailConfig, { EMAIL_BATCH_SIZE: '0' })).toThrow(
      'Invalid environment: EMAIL_BATCH_SIZE must not be less than 1',
    );
    expect(() => readConfigSection(MailConfig, { SMTP_URL: 'http://mail.example.com' })).toThrow(
      'Invalid environment: SMTP_URL must be an smtp:// or smtps:// URL',
    );
    expect(() => readConfigSection(MailConfig, { EMAIL_PURGE_CRON: 'nightly' })).toThrow(
      'Invalid environment: EMAIL_PURGE_CRON must be a cron expression such as "0 3 * * *" (minute hour day month weekday, UTC)',
    );
  });
});
