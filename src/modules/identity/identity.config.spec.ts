import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { EnvironmentError } from '../../core/config/environment.js';
import { productionSecretProblem } from '../../core/config/production-secrets.js';
import { IdentityConfig } from './identity.config.js';

describe('identity configuration section', () => {
  it('keeps the defaults the variables always had', () => {
    expect(readConfigSection(IdentityConfig, {})).toEqual({
      REFRESH_TOKEN_TTL_SECONDS: 2_592_000,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_SECONDS: 900,
      LOGIN_LOCK_BASE_SECONDS: 60,
      LOGIN_ACCOUNT_MAX_FAILURES: 50,
      LOGIN_KNOWN_CLIENT_DAYS: 30,
      EMAIL_VERIFICATION_TTL_HOURS: 48,
      EMAIL_VERIFICATION_RESENDS_PER_HOUR: 5,
      ACTIVITY_RETENTION_DAYS: 365,
      BOOTSTRAP_ADMIN_EMAIL: undefined,
      BOOTSTRAP_ADMIN_PASSWORD: undefined,
    });
    expect(readConfigSection(IdentityConfig, { LOGIN_MAX_FAILURES: '3', BOOTSTRAP_ADMIN_EMAIL: 'root@example.com' })).toMatchObject({
      LOGIN_MAX_FAILURES: 3,
      BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
    });
  });

  it('stops the start with one line naming a bad variable', () => {
    for (const [variable, value] of [
      ['LOGIN_MAX_FAILURES', '0'],
      ['REFRESH_TOKEN_TTL_SECONDS', 'soon'],
      ['EMAIL_VERIFICATION_TTL_HOURS', '0'],
      ['EMAIL_VERIFICATION_RESENDS_PER_HOUR', 'many'],
      ['BOOTSTRAP_ADMIN_EMAIL', 'not-an-address'],
      ['BOOTSTRAP_ADMIN_PASSWORD', 'short'],
    ]) {
      const read = () => readConfigSection(IdentityConfig, { [variable]: value });
      expect(read).toThrow(EnvironmentError);
      expect(read).toThrow(new RegExp(`^Invalid environment: ${variable} [^\\n]+$`));
    }
  });

  it('leaves the first admin’s password to the production secret check', () => {
    expect(
      productionSecretProblem({
        JWT_SECRET: 'x'.repeat(40),
        STRIPE_WEBHOOK_SECRET: `whsec_${'y'.repeat(40)}`,
        VAPI_WEBHOOK_SECRET: 'v'.repeat(30),
        BOOTSTRAP_ADMIN_PASSWORD: 'Tq8-vance-41',
      }),
    ).toEqual({
      variable: 'BOOTSTRAP_ADMIN_PASSWORD',
      reason: 'must be at least 16 characters in production',
    });
  });
});
