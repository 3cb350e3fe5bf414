import { createHash, randomBytes } from 'node:crypto';

/** A fresh follow-up token (32 random bytes, base64url: 43 characters) and the hash that is stored. */
export function newFollowUpToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashFollowUpToken(token) };
}

export const hashFollowUpToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The shape of a token, so anything else is refused before it reaches the database. */
export const FOLLOW_UP_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
