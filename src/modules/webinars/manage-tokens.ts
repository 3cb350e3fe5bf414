import { createHash, randomBytes } from 'node:crypto';

/** The header a registrant without an account presents the mailed manage token in. */
export const MANAGE_TOKEN_HEADER = 'x-manage-token';

/** A fresh manage token (32 random bytes, base64url) and the hash that is stored. */
export function newManageToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashManageToken(token) };
}

export const hashManageToken = (token: string): string => createHash('sha256').update(token).digest('hex');
