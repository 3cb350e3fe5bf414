import type { PermissionTable } from '../../core/auth/permission-policy.js';
import { TENANT_ROLES } from '../tenancy/index.js';

/**
 * Every member of the tenant and staff read leads. Working them (create, edit, mark contacted, move along the
 * lifecycle) is for owners, admins and members, and staff for support; viewers only read. Deleting a lead and
 * importing in bulk reshape the tenant's list: owners and admins (and staff). Nothing here costs money.
 */
export const LEADS_PERMISSIONS = {
  'lead.read': [{ tenantRoles: TENANT_ROLES }, 'staff'],
  'lead.write': [{ tenantRoles: ['owner', 'admin', 'member'] }, 'staff'],
  'lead.manage': [{ tenantRoles: ['owner', 'admin'] }, 'staff'],
  /** Calls reaching leads and tenants closing: the system only. */
  'lead.system': [],
} as const satisfies PermissionTable;
