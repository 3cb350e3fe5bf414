import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Actor, type Role } from './roles.js';

interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
  typ: 'access';
  /** Issued at, epoch seconds (set by the signer). */
  iat?: number;
}

/** A token whose signature and expiry hold; whether its account still admits it is AccountGate's call. */
export interface VerifiedToken {
  actor: Actor;
  issuedAt: number;
}

/** Signs and checks short-lived access tokens; refresh tokens live in the identity module. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, sid: actor.sessionId, typ: 'access' };
    return this.jwt.sign(claims);
  }

  async verify(token: string | undefined): Promise<VerifiedToken | undefined> {
    if (!token) return undefined;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (claims.typ !== 'access' || !ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
        return undefined;
      }
      return { actor: { id: claims.sub, role: claims.role, sessionId: claims.sid }, issuedAt: claims.iat ?? 0 };
    } catch {
      return undefined;
    }
  }
}
