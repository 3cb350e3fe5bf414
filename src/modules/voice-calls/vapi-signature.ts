import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Equal-length digests compared in constant time, so neither the length nor a prefix of the secret leaks. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The signature headers of a body: HMAC-SHA256 (hex) of `<timestamp>.<raw body>`, timestamp in Unix seconds. */
export function signVapiBody(secret: string, body: string, now = Date.now()): { 'x-vapi-timestamp': string; 'x-vapi-signature': string } {
  const timestamp = String(Math.floor(now / 1000));
  return { 'x-vapi-timestamp': timestamp, 'x-vapi-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex') };
}

export interface SignatureInput {
  secret: string;
  body: Buffer | string;
  timestamp: string | undefined;
  signature: string | undefined;
  toleranceSeconds: number;
  now?: number;
}

/**
 * Whether a signed message is authentic and fresh: the HMAC matches and the timestamp is within the tolerance. The
 * timestamp is signed as sent, in Unix seconds or, 13 digits long, milliseconds: a signing plan may use either.
 */
export function validVapiSignature({ secret, body, timestamp, signature, toleranceSeconds, now = Date.now() }: SignatureInput): boolean {
  if (!timestamp || !/^\d{1,13}$/.test(timestamp) || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const seconds = timestamp.length === 13 ? Number(timestamp) / 1000 : Number(timestamp);
  if (Math.abs(now / 1000 - seconds) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
