import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The signing secret's prefix: a secret pasted in the wrong place is recognisable. */
export const SECRET_PREFIX = 'whsec_';

/** A fresh signing secret: `whsec_` and 32 random bytes, base64url. */
export const newSigningSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;

/** The v1 signature: hex HMAC-SHA256 of `<t>.<body>` with the secret (Stripe's scheme). */
export const signatureOf = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * The `Atrium-Signature` header: `t=<unix seconds>,v1=<hex>`, with one more `v1=` per extra secret
 * (the previous one, while a rotation's overlap lasts), so a receiver still on the old secret verifies.
 */
export function signatureHeader(secrets: readonly string[], body: string, at: Date = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signatureOf(secret, timestamp, body)}`)].join(',');
}

export interface SignatureCheck {
  /** Seconds a signature stays acceptable, either side of now: replays later than this fail. */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * What a receiver does with the header: parse `t` and every `v1`, refuse a timestamp outside the
 * tolerance, and compare each v1 with the recomputed HMAC in constant time. Exported for the docs'
 * example and the tests; the server never verifies its own deliveries.
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  { toleranceSeconds = 300, now = new Date() }: SignatureCheck = {},
): boolean {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  return parts
    .filter(([name, value]) => name === 'v1' && typeof value === 'string' && /^[0-9a-f]{64}$/.test(value))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected));
}
