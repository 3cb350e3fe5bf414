import { UnauthorizedException } from '@nestjs/common';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { Actor } from '../../core/auth/roles.js';
import type { Trigger, TransitionOrigin } from '../../core/lifecycle/index.js';

/** The signed-in caller; the policy has already refused anonymous callers on every route that gets here. */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new UnauthorizedException('Authentication required.');
  return ctx.actor;
}

/** The audit origin of a change the caller makes, as `trigger`. */
export function originOf(ctx: RequestContext, trigger: Trigger, reason?: string): TransitionOrigin {
  return {
    trigger,
    source: ctx.system ? 'system' : trigger === 'staff' ? 'staff' : 'api',
    actorId: ctx.actor?.id,
    reason,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
  };
}
