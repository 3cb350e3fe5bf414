import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, hkdfSync } from 'node:crypto';
import { Types } from 'mongoose';
import { AppConfig } from '../../core/config/app-config.js';
import { IdentityConfig } from './identity.config.js';

/** The one purpose these tokens serve; the audience and type claims both say it. */
export const EMAIL_VERIFICATION_AUDIENCE = 'atrium:email-verification';
const PURPOSE = 'email-verification';

interface VerificationClaims {
  sub: string;
  email: string;
  typ: typeof PURPOSE;
  iat: number;
  exp: number;
}

/** What a valid token proves: whoever holds it read the mail sent to `email` for this account. */
export interface VerificationClaim {
  userId: string;
  email: string;
  issuedAt: Date;
}

export type VerificationCheck = { valid: true; claim: VerificationClaim } | { valid: false; reason: 'expired' | 'invalid' };

/**
 * Signs and checks the tokens of verification links. Nothing is stored: the token carries the account,
 * the address it was mailed to and its expiry, signed with a key derived from JWT_SECRET for this purpose
 * alone, so it can never pass as an access token (another key, no role or session) nor an access token as it.
 */
@Injectable()
export class EmailVerificationTokens {
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;

  constructor(config: AppConfig, identity: IdentityConfig) {
    const key = hkdfSync('sha256', config.get('JWT_SECRET'), 'atrium', PURPOSE, 32);
    this.jwt = new JwtService({
      // A KeyObject, as for access tokens: jsonwebtoken would otherwise try to parse a string key on every check.
      secret: createSecretKey(Buffer.from(key)) as unknown as string,
      signOptions: { algorithm: 'HS256', audience: EMAIL_VERIFICATION_AUDIENCE },
      verifyOptions: { algorithms: ['HS256'], audience: EMAIL_VERIFICATION_AUDIENCE },
    });
    this.ttlSeconds = identity.EMAIL_VERIFICATION_TTL_HOURS * 3600;
  }

  /** A token for the link mailed to `email`; `issuedAt` is now except where a test needs one already expired. */
  issue(userId: string, email: string, issuedAt = new Date()): string {
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const claims: VerificationClaims = { sub: userId, email, typ: PURPOSE, iat, exp: iat + this.ttlSeconds };
    return this.jwt.sign(claims);
  }

  async verify(token: string): Promise<VerificationCheck> {
    let claims: Partial<VerificationClaims>;
    try {
      claims = await this.jwt.verifyAsync<VerificationClaims>(token);
    } catch (error) {
      return { valid: false, reason: error instanceof Error && error.name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
    if (
      claims.typ !== PURPOSE ||
      typeof claims.sub !== 'string' ||
      !Types.ObjectId.isValid(claims.sub) ||
      typeof claims.email !== 'string'
    ) {
      return { valid: false, reason: 'invalid' };
    }
    return { valid: true, claim: { userId: claims.sub, email: claims.email, issuedAt: new Date((claims.iat ?? 0) * 1000) } };
  }
}
