import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with notifications. They are personal: one notification is its owner's alone (not
 * even staff read another user's, so for them it does not exist: 404). Services ask these on their first line.
 */
export const NOTIFICATIONS_PERMISSIONS = {
  /** My own list, counts, settings and push subscriptions. */
  'notification.mine': ['signed-in'],
  'notification.read': ['owner'],
  /** Notifying users: staff from the send route, and other contexts' effects (as the system). */
  'notification.send': ['staff'],
  /** Purging, dispatching scheduled ones and erasing a deleted user's: the system only. */
  'notification.maintain': [],
} as const satisfies PermissionTable;

export type NotificationsPermission = keyof typeof NOTIFICATIONS_PERMISSIONS;
