import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/roles.js';
import { ratePlanOf } from './rate-limit.js';
import { RateLimitedProblem } from './rate-limit.problem.js';
import { RateLimiters, type RateLimitOutcome } from './rate-limiters.js';

// Stored keys carry digests of client addresses, never the addresses themselves.
const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Before authentication: the `auth` (per address and route) and `public` (per address) limits. */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiters: RateLimiters,
  ) {}

  // Synchronous where the route has no address limit: a promise per guard per request is not free.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rateClass = ratePlanOf(this.reflector, context).client;
    if (!rateClass || !this.limiters.enabled(rateClass)) return true;
    const http = context.switchToHttp();
    const address = http.getRequest<FastifyRequest>().ip ?? 'unknown';
    const key = rateClass === 'auth' ? digest(`${address}\n${context.getClass().name}.${context.getHandler().name}`) : digest(address);
    return counted(http.getResponse<FastifyReply>(), this.limiters.consume(rateClass, key));
  }
}

/** After authentication: the `user` limit, keyed on the actor the AuthGuard verified. */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiters: RateLimiters,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http' || !this.limiters.enabled('user')) return true;
    if (!ratePlanOf(this.reflector, context).user) return true;
    const http = context.switchToHttp();
    const actor = http.getRequest<FastifyRequest & { actor?: Actor }>().actor;
    if (!actor) return true;
    return counted(http.getResponse<FastifyReply>(), this.limiters.consume('user', actor.id));
  }
}

async function counted(reply: FastifyReply, outcome: Promise<RateLimitOutcome | undefined>): Promise<boolean> {
  announce(reply, await outcome);
  return true;
}

/** RateLimit-* headers (IETF draft "RateLimit header fields"); with two limits on a route, the one nearer refusing. */
function announce(reply: FastifyReply, outcome: RateLimitOutcome | undefined): void {
  if (!outcome) return;
  const shown = reply.getHeader('ratelimit-remaining');
  if (shown === undefined || Number(shown) >= outcome.remaining) {
    reply.header('RateLimit-Limit', String(outcome.limit));
    reply.header('RateLimit-Remaining', String(outcome.remaining));
    reply.header('RateLimit-Reset', String(outcome.resetSeconds));
  }
  if (!outcome.allowed) throw new RateLimitedProblem(Math.max(1, outcome.resetSeconds));
}
