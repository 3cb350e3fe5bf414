import type { PermissionTable } from '../../core/auth/permission-policy.js';

const TENANT_READERS = { tenantRoles: ['owner', 'admin', 'member', 'viewer'] } as const;

/**
 * Who may do what with plans, features and entitlements. The catalogue is public to read and the
 * admins' to change; overrides are support's (staff); a tenant's members read its entitlements and
 * usage, and all but viewers meter usage for it.
 */
export const ENTITLEMENTS_PERMISSIONS = {
  'plan.read': ['public'],
  'plan.manage': ['admin'],
  'feature.list': ['staff'],
  'feature.manage': ['admin'],
  'entitlement.read': [TENANT_READERS, 'staff'],
  'entitlement.read-own': ['signed-in'],
  'override.manage': ['staff'],
  'usage.read': [TENANT_READERS, 'staff'],
  'usage.read-own': ['signed-in'],
  'usage.meter': [{ tenantRoles: ['owner', 'admin', 'member'] }],
  /** Plans follow subscriptions on billing's word: the system only. */
  'plan.follow-subscription': [],
} as const satisfies PermissionTable;

export type EntitlementsPermission = keyof typeof ENTITLEMENTS_PERMISSIONS;
