import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with agent personalization: each user keeps their own; staff may read a user's. */
export const PERSONALIZATION_PERMISSIONS = {
  /** The caller's own settings and saved prompts for an agent. */
  'personalization.own': ['signed-in'],
  'personalization.read': ['owner', 'staff'],
  /** Erasing a deleted user's settings: the system only. */
  'personalization.erase': [],
} as const satisfies PermissionTable;
