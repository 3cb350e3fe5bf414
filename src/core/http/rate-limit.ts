import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../auth/access.decorators.js';

export const RATE_CLASS_KEY = 'atrium:rate-class';

/**
 * `auth`: sign-in and token routes, the strictest limit per client address.
 * `public`: applied by default to every @Public() route.
 * `none`: exempt (health probes, signed webhooks).
 */
export type RateClass = 'auth' | 'public' | 'none';

export const RateLimit = (rateClass: RateClass) => SetMetadata(RATE_CLASS_KEY, rateClass);

export function rateClassOf(reflector: Reflector, context: ExecutionContext): RateClass | undefined {
  const targets = [context.getHandler(), context.getClass()];
  const declared = reflector.getAllAndOverride<RateClass | undefined>(RATE_CLASS_KEY, targets);
  if (declared) return declared;
  const access = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
  return access?.kind === 'public' ? 'public' : undefined;
}
