import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Every member of a tenant (and staff, for support) reads its calls and usage; owners, admins and members place
 * and cancel calls, which cost money, so viewers and staff do not.
 */
export const VOICE_CALLS_PERMISSIONS = {
  'voice-call.read': [{ tenantRoles: ['owner', 'admin', 'member', 'viewer'] }, 'staff'],
  'voice-call.place': [{ tenantRoles: ['owner', 'admin', 'member'] }],
  'voice-usage.read': [{ tenantRoles: ['owner', 'admin', 'member', 'viewer'] }, 'staff'],
} as const satisfies PermissionTable;
