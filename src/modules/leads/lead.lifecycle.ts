import { defineLifecycle, type Trigger } from '../../core/lifecycle/index.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { LEAD_STATUSES, type LeadStatus } from './leads.events.js';

/**
 * Triggers, as the leads context reads them: `owner` is a tenant manager (owner or admin), `participant` a
 * plain member working the leads, `staff` support staff, `system` a call that reached the lead.
 */
const WORKERS = ['owner', 'participant', 'staff'] as const satisfies readonly Trigger[];
const MANAGERS = ['owner', 'staff'] as const satisfies readonly Trigger[];

/**
 * new → contacted → qualified → converted, or lost from any open state. A manager may reopen a lost lead
 * (back to new). do_not_call is reachable from every state but converted (final) by a manager only, and is
 * left only by a manager, back to new: nobody else, and no call, takes a lead off the do-not-call list.
 */
export const leadLifecycle = defineLifecycle<LeadStatus>({
  resource: 'lead',
  states: LEAD_STATUSES,
  initial: 'new',
  moves: [
    { from: 'new', to: 'contacted', by: [...WORKERS, 'system'] },
    { from: 'new', to: 'qualified', by: WORKERS },
    { from: 'contacted', to: 'qualified', by: WORKERS },
    { from: 'qualified', to: 'converted', by: WORKERS },
    { from: 'new', to: 'lost', by: WORKERS },
    { from: 'contacted', to: 'lost', by: WORKERS },
    { from: 'qualified', to: 'lost', by: WORKERS },
    { from: 'lost', to: 'new', by: MANAGERS },
    { from: 'new', to: 'do_not_call', by: MANAGERS },
    { from: 'contacted', to: 'do_not_call', by: MANAGERS },
    { from: 'qualified', to: 'do_not_call', by: MANAGERS },
    { from: 'lost', to: 'do_not_call', by: MANAGERS },
    { from: 'do_not_call', to: 'new', by: MANAGERS },
  ],
});

/** Who the caller is to a lead's lifecycle (see the trigger reading above). */
export function leadTrigger(ctx: RequestContext): Trigger {
  if (ctx.system) return 'system';
  const roles = ctx.tenant?.roles ?? [];
  if (roles.includes('owner') || roles.includes('admin')) return 'owner';
  if (roles.includes('member')) return 'participant';
  return 'staff';
}
