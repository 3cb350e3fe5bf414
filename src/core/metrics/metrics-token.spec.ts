import { describe, expect, it } from 'vitest';
import { EnvironmentError, validateEnvironment } from '../config/environment.js';
import { bearerTokenCheck } from './metrics-token.js';

const TOKEN = 'Zq7-metrics-scrape-token-4KvP9wLm2Xc8Bn5Rt';

describe('the metrics bearer token check', () => {
  const authorized = bearerTokenCheck(TOKEN);

  it('accepts exactly the configured token as a bearer token, whatever the scheme’s case', () => {
    expect(authorized(`Bearer ${TOKEN}`)).toBe(true);
    expect(authorized(`bearer ${TOKEN}`)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the bare token', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token and more', `Bearer ${TOKEN}x`],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
    ['an empty token', 'Bearer '],
  ])('refuses %s', (_case, header) => {
    expect(authorized(header)).toBe(false);
  });
});

describe('METRICS_TOKEN in the environment', () => {
  const strongProduction = {
    NODE_ENV: 'production',
    JWT_SECRET: 'k3Qv9ZrT1xWm8LpY4sHc7NdB2fGj6KaE5uRo0iVy',
    STRIPE_WEBHOOK_SECRET: 'whsec_Zp4Kq9Lm2Xv7Bn5Ct8Rw1Yh6Jd3Fs0Ga',
    VAPI_WEBHOOK_SECRET: 'Wm3Rt8Qz1Lx6Kp9Vb2Nc5Hd7',
  };
  const failure = (raw: Record<string, unknown>) => {
    try {
      validateEnvironment(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      return (error as Error).message;
    }
    throw new Error('the environment was accepted');
  };

  it('is optional, and empty means unset (metrics off)', () => {
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
    expect(validateEnvironment({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(validateEnvironment({ ...strongProduction }).METRICS_TOKEN).toBeUndefined();
  });

  it('is one word: a token with spaces could never be presented as a bearer token', () => {
    expect(failure({ METRICS_TOKEN: 'two words' })).toMatch(/^Invalid environment: METRICS_TOKEN /);
  });

  it('takes a strong token in production', () => {
    expect(validateEnvironment({ ...strongProduction, METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });

  it.each([
    ['too short', 'short-metrics-token'],
    ['the test suite’s published token', 'metrics-test-token-that-is-long-enough-0123456789'],
  ])('refuses one %s in production, naming the variable but not the value', (_case, value) => {
    const message = failure({ ...strongProduction, METRICS_TOKEN: value });
    expect(message).toMatch(/^Invalid environment: METRICS_TOKEN /);
    expect(message).not.toContain(value);
  });

  it('takes a short token outside production', () => {
    expect(validateEnvironment({ METRICS_TOKEN: 'local' }).METRICS_TOKEN).toBe('local');
  });
});
