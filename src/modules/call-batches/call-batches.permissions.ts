import type { PermissionTable } from '../../core/auth/permission-policy.js';
import { TENANT_ROLES } from '../tenancy/index.js';

/**
 * Every member of the tenant and staff read batches and their progress. Running them (create, pause, resume,
 * cancel) places calls that cost money: owners, admins and members, never viewers nor staff.
 */
export const CALL_BATCHES_PERMISSIONS = {
  'call-batch.read': [{ tenantRoles: TENANT_ROLES }, 'staff'],
  'call-batch.run': [{ tenantRoles: ['owner', 'admin', 'member'] }],
} as const satisfies PermissionTable;
