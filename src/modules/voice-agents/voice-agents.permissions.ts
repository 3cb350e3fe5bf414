import type { PermissionTable } from '../../core/auth/permission-policy.js';

const READERS = ['owner', 'admin', 'member', 'viewer'] as const;
const MANAGERS = ['owner', 'admin'] as const;

/**
 * Every member of a tenant reads its voices, numbers and agents (a member placing a call picks an agent);
 * configuring them is for owners and admins, and staff for support. The shared catalogue is open to anyone
 * signed in.
 */
export const VOICE_AGENTS_PERMISSIONS = {
  'voice-catalogue.read': ['signed-in'],
  'voice-config.read': [{ tenantRoles: READERS }, 'staff'],
  'voice-config.manage': [{ tenantRoles: MANAGERS }, 'staff'],
} as const satisfies PermissionTable;
