import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorators.js';
import { perRoute, routeMetadata } from './route-metadata.js';

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

const RATE_PLAN = Symbol('rate plan');

/** The route's plan, worked out from its decorators on its first request. */
export function ratePlanOf(reflector: Reflector, context: ExecutionContext): RatePlan {
  return perRoute(context, RATE_PLAN, () =>
    planFor(routeMetadata<RateClass>(reflector, context, RATE_CLASS_KEY), routeMetadata<AccessRule>(reflector, context, ACCESS_KEY)),
  );
}

/** The rule behind ratePlanOf: a declared class wins for the address limit; every non-public route is also limited per user. */
export function planFor(declared: RateClass | undefined, access: AccessRule | undefined): RatePlan {
  if (declared === 'none') return { user: false };
  const isPublic = access?.kind === 'public';
  const client = declared === 'auth' || declared === 'public' ? declared : isPublic ? 'public' : undefined;
  return { client, user: access !== undefined && !isPublic };
}
