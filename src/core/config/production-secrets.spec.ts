import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, validateEnvironment } from './environment.js';
import { PUBLISHED_SECRET_VALUES } from './published-secrets.js';

/** Strong values of every secret, as a real deployment would set them. */
const STRONG = {
  JWT_SECRET: 'k3Qv9ZrT1xWm8LpY4sHc7NdB2fGj6KaE5uRo0iVy',
  STRIPE_WEBHOOK_SECRET: 'whsec_Zp4Kq9Lm2Xv7Bn5Ct8Rw1Yh6Jd3Fs0Ga',
  VAPI_WEBHOOK_SECRET: 'Wm3Rt8Qz1Lx6Kp9Vb2Nc5Hd7',
  BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
  BOOTSTRAP_ADMIN_PASSWORD: 'Tq8-vance-orbit-gravel-41',
  VAPID_PUBLIC_KEY: 'BAhVDvLqkrvwrSF--YLrYMTfNoglf8R1epPMYe-UXbo79DdHVal6UuwWoJWoJ1ERrU-a_bPOv79HIuJw9UBS3kw',
  VAPID_PRIVATE_KEY: '0jBqFa7Yj5eco0VX7m3UK4Ow0Vdc5UNZp6Myrf_zC5I',
  STRIPE_SECRET_KEY: 'sk_live_51HxZpQ2eZvKYlo2C0abcdefghijklmnopqrstuvwx',
};

const production = (overrides: Record<string, string | undefined>) => ({ NODE_ENV: 'production', ...STRONG, ...overrides });

function failureOf(raw: Record<string, unknown>): string {
  try {
    validateEnvironment(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error('the environment was accepted');
}

/** Values published in .env.example (commented-out examples included). */
function envExampleValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n')) {
    const match = /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match && match[2]) values[match[1]] = match[2];
  }
  return values;
}

describe('secrets in production', () => {
  it('starts with strong secrets of its own', () => {
    expect(validateEnvironment(production({})).JWT_SECRET).toBe(STRONG.JWT_SECRET);
  });

  it.each([
    ['JWT_SECRET', 'missing', undefined],
    ['JWT_SECRET', 'empty', ''],
    ['JWT_SECRET', 'the .env.example value', envExampleValues().JWT_SECRET],
    ['JWT_SECRET', 'the former compose default', 'change-me-in-production-0123456789abcdef'],
    ['JWT_SECRET', 'the test setup value', 'test-secret-that-is-long-enough-0123456789'],
    ['JWT_SECRET', 'too short', 'a7Kq2-short'],
    ['STRIPE_WEBHOOK_SECRET', 'missing', undefined],
    ['STRIPE_WEBHOOK_SECRET', 'the .env.example value', envExampleValues().STRIPE_WEBHOOK_SECRET],
    ['STRIPE_WEBHOOK_SECRET', 'too short', 'whsec_Zp4Kq9Lm2Xv7'],
    ['STRIPE_WEBHOOK_SECRET', 'not a signing secret', 'Zp4Kq9Lm2Xv7Bn5Ct8Rw1Yh6Jd3Fs0GaQq'],
    ['VAPI_WEBHOOK_SECRET', 'missing', undefined],
    ['VAPI_WEBHOOK_SECRET', 'the .env.example value', envExampleValues().VAPI_WEBHOOK_SECRET],
    ['VAPI_WEBHOOK_SECRET', 'too short', 'Wm3Rt8Qz1Lx6'],
    ['VAPI_WEBHOOK_HMAC', 'too short', 'Hm4Pq7Zr2Lx9'],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'the demo accounts\u2019 password', 'atrium-demo-password'],
    ['BOOTSTRAP_ADMIN_PASSWORD', 'too short', 'Tq8-vance-41'],
    ['VAPID_PRIVATE_KEY', 'too short', 'x2N5bQ8dF1gH4jK7lZ0c'],
    ['VAPID_PUBLIC_KEY', 'missing beside its private key', undefined],
    ['STRIPE_SECRET_KEY', 'too short', 'sk_live_abc123'],
  ])('refuses %s when %s, with one line naming it', (variable, _case, value) => {
    const message = failureOf(production({ [variable]: value }));
    expect(message).toMatch(new RegExp(`^Invalid environment: ${variable} `));
    expect(message).not.toContain('\n');
    // The message never repeats the offending value.
    if (value && value.length > 3) expect(message).not.toContain(value);
  });

  it('knows every secret value .env.example publishes', () => {
    const example = envExampleValues();
    for (const variable of [
      'JWT_SECRET',
      'STRIPE_WEBHOOK_SECRET',
      'VAPI_WEBHOOK_SECRET',
      'BOOTSTRAP_ADMIN_PASSWORD',
      'VAPID_PRIVATE_KEY',
      'STRIPE_SECRET_KEY',
    ]) {
      // Placeholders such as sk_test_... cannot pass the format checks anyway.
      if (example[variable] && !example[variable].includes('...'))
        expect(PUBLISHED_SECRET_VALUES.has(example[variable]), variable).toBe(true);
    }
  });

  it('knows the code defaults as published', () => {
    const defaults = validateEnvironment({});
    expect(PUBLISHED_SECRET_VALUES.has(defaults.JWT_SECRET)).toBe(true);
    expect(PUBLISHED_SECRET_VALUES.has(defaults.STRIPE_WEBHOOK_SECRET)).toBe(true);
  });

  it.each(['development', 'test'])('keeps the published defaults working in %s', (mode) => {
    const env = validateEnvironment({ NODE_ENV: mode });
    expect(env.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.STRIPE_WEBHOOK_SECRET).toMatch(/^whsec_/);
  });
});
