import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with favorites. The owner is the user whose favorites they are; staff may read a
 * user's favorites (support) but only the user changes them.
 */
export const FAVORITES_PERMISSIONS = {
  'favorite.create': ['owner', 'staff'],
  'favorite.read': ['owner', 'staff'],
  'favorite.change': ['owner'],
  /** Erasing a deleted user's favorites: the system only. */
  'favorite.erase': [],
} as const satisfies PermissionTable;

export type FavoritesPermission = keyof typeof FAVORITES_PERMISSIONS;
