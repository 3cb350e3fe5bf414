import type { RequestContext } from '../../core/auth/request-context.js';
import type { Trigger } from '../../core/lifecycle/index.js';

/** The tenant's owners and admins act as the resource's `owner`; staff (no role in the tenant) as `staff`. */
export const managerTrigger = (ctx: RequestContext): Trigger => {
  if (ctx.system) return 'system';
  const roles = ctx.tenant?.roles ?? [];
  return roles.includes('owner') || roles.includes('admin') ? 'owner' : 'staff';
};
