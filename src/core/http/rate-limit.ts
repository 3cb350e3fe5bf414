import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorators.js';

export const RATE_CLASS_KEY = 'atrium:rate-class';

/**
 * `auth`: sign-in and token routes, the strictest limit per client address and route.
 * `public`: applied by default to every @Public() route, per client address.
 * `user`: applied to every route that is not @Public(), per signed-in user (on top of `auth` where declared).
 * `none`: exempt (health probes, signed webhooks).
 */
export type RateClass = 'auth' | 'public' | 'user' | 'none';

/** The classes keyed on the client address, counted before authentication. */
export type ClientRateClass = 'auth' | 'public';

export const RateLimit = (rateClass: Exclude<RateClass, 'user'>) => SetMetadata(RATE_CLASS_KEY, rateClass);

/** Which limits one route is under: at most one by client address, and the per-user one. */
export interface RatePlan {
  client?: ClientRateClass;
  user: boolean;
}

// Decorators never change after boot, so each route's plan is read from metadata once (by controller, then
// handler: an inherited handler may sit under another controller's class-level rules).
const plans = new WeakMap<object, WeakMap<object, RatePlan>>();

export function ratePlanOf(reflector: Reflector, context: ExecutionContext): RatePlan {
  const [handler, controller] = [context.getHandler(), context.getClass()];
  let byHandler = plans.get(controller);
  if (!byHandler) plans.set(controller, (byHandler = new WeakMap()));
  const known = byHandler.get(handler);
  if (known) return known;
  const declared = reflector.getAllAndOverride<RateClass | undefined>(RATE_CLASS_KEY, [handler, controller]);
  const access = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);
  const plan = planFor(declared, access);
  byHandler.set(handler, plan);
  return plan;
}

/** The rule behind ratePlanOf: a declared class wins for the address limit; every non-public route is also limited per user. */
export function planFor(declared: RateClass | undefined, access: AccessRule | undefined): RatePlan {
  if (declared === 'none') return { user: false };
  const isPublic = access?.kind === 'public';
  const client = declared === 'auth' || declared === 'public' ? declared : isPublic ? 'public' : undefined;
  return { client, user: access !== undefined && !isPublic };
}
