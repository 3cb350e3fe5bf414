import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Actor, type Role } from './roles.js';

interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
  typ: 'access';
}

/** Signs and checks short-lived access tokens; refresh tokens live in the identity module. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, sid: actor.sessionId, typ: 'access' };
    return this.jwt.sign(claims);
  }

  async verify(token: string | undefined): Promise<Actor | undefined> {
    if (!token) return undefined;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (claims.typ !== 'access' || !ROLES.includes(claims.role) || typeof claims.sub !== 'string') return undefined;
      return { id: claims.sub, role: claims.role, sessionId: claims.sid };
    } catch {
      return undefined;
    }
  }
}
