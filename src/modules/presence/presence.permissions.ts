import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Presence is shown to every signed-in user (who is around to talk to); each user reports only their own. */
export const PRESENCE_PERMISSIONS = {
  'presence.report': ['signed-in'],
  'presence.read': ['signed-in'],
  /** Erasing a deleted user's presence: the system only. */
  'presence.erase': [],
} as const satisfies PermissionTable;

export type PresencePermission = keyof typeof PRESENCE_PERMISSIONS;
