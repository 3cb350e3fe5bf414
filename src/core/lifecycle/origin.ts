import type { RequestContext } from '../auth/request-context.js';
import type { Trigger } from './lifecycle.js';
import type { TransitionOrigin } from './transition.js';

/** The audit origin of a change the caller makes, as `trigger`: who, from where, and why. */
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
