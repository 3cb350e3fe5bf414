import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sameSecret, signVapiBody, validVapiSignature } from './vapi-signature.js';

describe('Vapi message authentication', () => {
  it('accepts the configured secret only, whatever the length of a wrong one', () => {
    expect(sameSecret('a-secret-of-some-length', 'a-secret-of-some-length')).toBe(true);
    expect(sameSecret('a-secret-of-some-lengtH', 'a-secret-of-some-length')).toBe(false);
    expect(sameSecret('short', 'a-secret-of-some-length')).toBe(false);
    expect(sameSecret('', 'a-secret-of-some-length')).toBe(false);
    expect(sameSecret(undefined, 'a-secret-of-some-length')).toBe(false);
  });

  it('accepts a fresh HMAC of timestamp and body, refuses a changed body, a stale timestamp or another key', () => {
    const secret = 'hmac-secret-0123456789';
    const body = '{"message":{"type":"status-update"}}';
    const now = 1_800_000_000_000;
    const headers = signVapiBody(secret, body, now);
    const check = (overrides: Partial<Parameters<typeof validVapiSignature>[0]>) =>
      validVapiSignature({
        secret,
        body,
        timestamp: headers['x-vapi-timestamp'],
        signature: headers['x-vapi-signature'],
        toleranceSeconds: 300,
        now,
        ...overrides,
      });
    expect(check({})).toBe(true);
    expect(check({ body: Buffer.from(body) })).toBe(true);
    expect(check({ body: body.replace('status', 'Status') })).toBe(false);
    expect(check({ now: now + 301_000 })).toBe(false);
    expect(check({ now: now - 301_000 })).toBe(false);
    expect(check({ secret: 'another-secret-0123456789' })).toBe(false);
    expect(check({ signature: 'zz' })).toBe(false);
    expect(check({ timestamp: undefined })).toBe(false);
  });

  it('takes a timestamp in milliseconds as signed, with the same tolerance', () => {
    const secret = 'hmac-secret-0123456789';
    const body = '{"message":{"type":"transcript"}}';
    const now = 1_800_000_000_000;
    const signed = (timestamp: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    const check = (timestamp: string, at = now) =>
      validVapiSignature({ secret, body, timestamp, signature: signed(timestamp), toleranceSeconds: 300, now: at });
    expect(check(String(now - 5_000))).toBe(true);
    expect(check(String(now), now + 301_000)).toBe(false);
    expect(check(`${now}0`)).toBe(false);
  });
});
