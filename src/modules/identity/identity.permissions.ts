import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with accounts. On a user's sessions and activity the owner is that user: another
 * user is told they do not exist (404); a role that may not list or administer users is refused (403).
 */
export const IDENTITY_PERMISSIONS = {
  'account.register': ['public'],
  'account.sign-in': ['public'],
  /** Anyone holding a verification link; the signed token is the proof. */
  'account.verify-email': ['public'],
  /** The caller's own account: read, update, sign out, change the password, delete. */
  'account.own': ['signed-in'],
  'session.revoke': ['owner', 'staff'],
  'activity.read': ['owner', 'staff'],
  'user.profile': ['signed-in'],
  'user.list': ['staff'],
  'user.role': ['admin'],
  'user.status': ['admin'],
  /** Creating the first admin from the environment, and erasing a deleted user's data: the system only. */
  'identity.bootstrap': [],
  'identity.erase': [],
} as const satisfies PermissionTable;

export type IdentityPermission = keyof typeof IDENTITY_PERMISSIONS;
