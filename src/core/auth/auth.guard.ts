import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, type AccessRule } from './access.decorators.js';
import { AccountGate } from './account-gate.js';
import type { Actor } from './roles.js';
import { TokenVerifier } from './token-verifier.js';
import { routeMetadata } from '../http/route-metadata.js';

/** Global: verifies the bearer token and its account unless the route is @Public(), then applies @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly accounts: AccountGate,
  ) {}

  // Synchronous for public routes: a promise per guard per request is not free.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = routeMetadata<AccessRule>(this.reflector, context, ACCESS_KEY);
    // Unreachable for routes (checked at boot); kept so a forgotten declaration can never mean "open".
    if (!rule) throw new ForbiddenException('This route declares no access rule.');
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (rule.kind !== 'public') return this.authenticate(request, rule);
    // A public route that identifies its caller checks a presented token like any other route.
    return rule.identify && request.headers.authorization !== undefined ? this.authenticate(request, rule) : true;
  }

  private async authenticate(request: FastifyRequest & { actor?: Actor }, rule: AccessRule): Promise<boolean> {
    const verified = await this.tokens.verify(bearerToken(request));
    if (!verified || !(await this.accounts.admits(verified))) throw new UnauthorizedException('A valid access token is required.');
    const actor = verified.actor;
    request.actor = actor;
    if (rule.kind === 'roles' && !rule.roles.includes(actor.role)) {
      throw new ForbiddenException(`This route requires the role ${rule.roles.join(' or ')}.`);
    }
    return true;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}
