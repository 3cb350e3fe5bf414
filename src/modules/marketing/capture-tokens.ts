import { createHmac, timingSafeEqual } from 'node:crypto';

export type CapturePurpose = 'confirm' | 'unsubscribe';

/**
 * `<id>.<expiry>.<hmac>` signed with the application secret. Confirmation links expire; unsubscribe
 * links never do (an old newsletter must still let its reader out).
 */
export function signCaptureToken(secret: string, purpose: CapturePurpose, id: string, expiresAt?: Date): string {
  const expiry = expiresAt ? Math.floor(expiresAt.getTime() / 1000).toString(36) : '0';
  return `${id}.${expiry}.${mac(secret, purpose, id, expiry)}`;
}

export function verifyCaptureToken(secret: string, purpose: CapturePurpose, token: string, now = new Date()): string | undefined {
  const [id, expiry, signature] = token.split('.');
  if (!id || !expiry || !signature || !/^[0-9a-f]{24}$/.test(id)) return undefined;
  const expected = Buffer.from(mac(secret, purpose, id, expiry));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  if (expiry !== '0' && parseInt(expiry, 36) * 1000 < now.getTime()) return undefined;
  return id;
}

function mac(secret: string, purpose: CapturePurpose, id: string, expiry: string): string {
  return createHmac('sha256', secret).update(`email-capture:${purpose}:${id}:${expiry}`).digest('base64url');
}
