import type { PermissionTable } from '../../core/auth/permission-policy.js';
import { MANAGERS, READERS } from './tenant-roles.js';

/**
 * Who may do what in a tenant. Every member reads; owners and admins manage people, invites and
 * teams; only owners close the tenant or hand ownership over. Staff read everything and may manage
 * for support (their global role, checked after the tenant guard found the tenant).
 */
export const TENANCY_PERMISSIONS = {
  'tenant.create': ['signed-in'],
  'tenant.list': ['staff'],
  'tenant.list-mine': ['signed-in'],
  'tenant.read': [{ tenantRoles: READERS }, 'staff'],
  'tenant.update': [{ tenantRoles: MANAGERS }, 'staff'],
  'tenant.close': [{ tenantRoles: ['owner'] }, 'staff'],
  'tenant.transfer-ownership': [{ tenantRoles: ['owner'] }],
  'member.read': [{ tenantRoles: READERS }, 'staff'],
  'member.manage': [{ tenantRoles: MANAGERS }, 'staff'],
  'invite.read': [{ tenantRoles: MANAGERS }, 'staff'],
  'invite.manage': [{ tenantRoles: MANAGERS }, 'staff'],
  'invite.accept': ['signed-in'],
  'team.read': [{ tenantRoles: READERS }, 'staff'],
  'team.manage': [{ tenantRoles: MANAGERS }, 'staff'],
  /** Cascades, succession and expiry: the system only (no rule grants them to a caller). */
  'tenancy.system': [],
} as const satisfies PermissionTable;

export type TenancyPermission = keyof typeof TENANCY_PERMISSIONS;
