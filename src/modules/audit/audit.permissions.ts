import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may read the audit log. Nobody may change it; the purge is the system's alone. */
export const AUDIT_PERMISSIONS = {
  /** The whole log, any tenant's included (admin holds every staff permission). */
  'audit.read': ['staff'],
  /** One tenant's log: its owners and admins, and staff. */
  'audit.tenant-read': ['staff', { tenantRoles: ['owner', 'admin'] }],
  /** Removing entries past retention: no rule grants it to a caller. */
  'audit.purge': [],
} as const satisfies PermissionTable;

export type AuditPermission = keyof typeof AUDIT_PERMISSIONS;
