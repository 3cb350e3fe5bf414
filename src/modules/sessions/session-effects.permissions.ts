import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may give feedback and erase: the effects side's permissions, beside the ones in sessions.permissions.ts. */
export const SESSION_EFFECTS_PERMISSIONS = {
  /** Each participant rates the session once it is completed; staff may read a session but not rate it (403). */
  'session.feedback': ['participant'],
  /** Erasing a deleted user's part in sessions: the system only (no rule grants it to a caller). */
  'session.erase': [],
} as const satisfies PermissionTable;
