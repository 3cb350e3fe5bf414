import { UnauthorizedException } from '@nestjs/common';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { SubjectType } from './schemas/usage-counter.schema.js';

/** Who holds entitlements: a tenant, or a user on their personal plan. */
export interface Subject {
  type: SubjectType;
  id: string;
  /** Its plan, when the request already read it (the tenant guard does). */
  planKey?: string;
}

export const tenantSubject = (id: string): Subject => ({ type: 'tenant', id });
export const userSubject = (id: string): Subject => ({ type: 'user', id });

/** The request's tenant on a tenant-scoped route, else the signed-in caller. */
export function subjectOf(ctx: RequestContext): Subject {
  if (ctx.tenant) return { ...tenantSubject(ctx.tenant.id), planKey: ctx.tenant.planKey };
  if (ctx.actor) return userSubject(ctx.actor.id);
  throw new UnauthorizedException('Authentication required.');
}

/** The signed-in caller's personal subject. */
export function callerSubject(ctx: RequestContext): Subject {
  if (!ctx.actor) throw new UnauthorizedException('Authentication required.');
  return userSubject(ctx.actor.id);
}
