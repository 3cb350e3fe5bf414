import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../http/client-info.js';
import type { Actor } from './roles.js';

/** The tenant a request acts in and the caller's roles there; set by tenancy, absent before it. */
export interface TenantScope {
  id: string;
  roles: readonly string[];
  /** The tenant's plan as the guard read it, so a feature gate in the same request need not read the tenant again. */
  planKey?: string;
}

/** Who is asking, from where, in which request (and tenant): the first argument of every service method. */
export interface RequestContext {
  /** Absent on public routes called anonymously, and for system work. */
  actor?: Actor;
  client: ClientInfo;
  requestId: string;
  tenant?: TenantScope;
  /** Jobs and provider events act as the system. */
  system?: boolean;
}

/** The context of a signed-in caller; services whose routes are not public may rely on an actor. */
export interface ActorContext extends RequestContext {
  actor: Actor;
}

/** The signed-in caller; the policy has already refused anonymous callers on every route that gets here. */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new UnauthorizedException('Authentication required.');
  return ctx.actor;
}

export function contextOf(request: FastifyRequest & { actor?: Actor; tenant?: TenantScope }): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    actor: request.actor,
    client: { ip: request.ip?.slice(0, 64), userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : undefined },
    requestId: String(request.id),
    tenant: request.tenant,
  };
}

/** Work no request asked for (a job tick, a provider event): it acts as the system. */
export const systemContext = (requestId: string): RequestContext => ({ client: {}, requestId, system: true });

/** The request's context, as a handler parameter: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  contextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
