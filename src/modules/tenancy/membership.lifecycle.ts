import { defineLifecycle, type Trigger } from '../../core/lifecycle/index.js';
import { TENANT_ROLES, type TenantRole } from './tenant-roles.js';

/**
 * Who may move a member from one role to another. Triggers: `owner` is an owner of the tenant,
 * `participant` an admin of it, `staff` the platform's staff acting for support, `system` the
 * succession after an owner's account was deleted. Admins manage admins, members and viewers but
 * never touch ownership; keeping one owner is the membership repository's guard, not a move.
 */
const BY_ROLE_PAIR = (from: TenantRole, to: TenantRole): readonly Trigger[] => {
  if (to === 'owner') return from === 'admin' || from === 'member' ? ['owner', 'staff', 'system'] : ['owner', 'staff'];
  if (from === 'owner') return ['owner', 'staff'];
  return ['owner', 'participant', 'staff'];
};

export const MEMBERSHIP_LIFECYCLE = defineLifecycle<TenantRole>({
  resource: 'membership',
  states: TENANT_ROLES,
  initial: 'member',
  moves: TENANT_ROLES.flatMap((from) => TENANT_ROLES.filter((to) => to !== from).map((to) => ({ from, to, by: BY_ROLE_PAIR(from, to) }))),
});

/** The lifecycle trigger a caller acts as in a tenant: its tenant role first, then its platform role. */
export function roleTrigger(tenantRoles: readonly string[], staff: boolean): Trigger | undefined {
  if (tenantRoles.includes('owner')) return 'owner';
  if (tenantRoles.includes('admin')) return 'participant';
  return staff ? 'staff' : undefined;
}
