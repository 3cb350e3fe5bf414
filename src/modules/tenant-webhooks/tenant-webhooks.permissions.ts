import type { PermissionTable } from '../../core/auth/permission-policy.js';
import { TENANT_ROLES } from '../tenancy/index.js';

/**
 * Every member of the tenant and staff see the endpoints (never their secrets) and the deliveries. Registering,
 * changing, deleting endpoints, rotating secrets, sending tests and redeliveries send the tenant's data to
 * addresses of its choosing: owners and admins, and staff for support.
 */
export const TENANT_WEBHOOKS_PERMISSIONS = {
  'webhook.read': [{ tenantRoles: TENANT_ROLES }, 'staff'],
  'webhook.manage': [{ tenantRoles: ['owner', 'admin'] }, 'staff'],
  /** Events turning into deliveries, and tenants closing: the system only. */
  'webhook.system': [],
} as const satisfies PermissionTable;
