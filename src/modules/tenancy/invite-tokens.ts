import { createHash, randomBytes } from 'node:crypto';

/** A fresh invite token (32 random bytes, base64url: 43 characters) and the hash that is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

export const hashInviteToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const pendingKeyOf = (tenantId: string, email: string): string => `${tenantId}:${email}`;
