import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signatureHeader, verifySignature } from './webhook-signature.js';

const body = JSON.stringify({ id: 'd1', type: 'ping', createdAt: '2026-01-01T00:00:00.000Z', data: {} });
const at = new Date('2026-01-01T00:00:00.000Z');

describe('webhook signature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as a receiver recomputes it', () => {
    const secret = newSigningSecret();
    const header = signatureHeader([secret], body, at);
    const t = Math.floor(at.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
  });

  it('makes secrets with the whsec_ prefix and enough randomness, never twice the same', () => {
    const [a, b] = [newSigningSecret(), newSigningSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('verifies with the right secret and body, within the tolerance', () => {
    const secret = newSigningSecret();
    const header = signatureHeader([secret], body, at);
    expect(verifySignature(header, body, secret, { now: at })).toBe(true);
    expect(verifySignature(header, `${body} `, secret, { now: at })).toBe(false);
    expect(verifySignature(header, body, newSigningSecret(), { now: at })).toBe(false);
    expect(verifySignature(header, body, secret, { now: new Date(at.getTime() + 301_000) })).toBe(false);
  });

  it('carries one v1 per secret during a rotation, and either verifies', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const header = signatureHeader([current, previous], body, at);
    expect(header.split(',').filter((part) => part.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature(header, body, current, { now: at })).toBe(true);
    expect(verifySignature(header, body, previous, { now: at })).toBe(true);
  });

  it.each(['', 'v1=abc', 't=notanumber,v1=00', `t=${Math.floor(at.getTime() / 1000)},v1=zz`])(
    'refuses the malformed header %j',
    (header) => {
      expect(verifySignature(header, body, newSigningSecret(), { now: at })).toBe(false);
    },
  );
});
