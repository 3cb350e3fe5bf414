import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with webinars. On a registration the owner is the registrant: the account the
 * registered address belongs to, or whoever holds the registration's manage token.
 */
export const WEBINARS_PERMISSIONS = {
  'webinar.browse': ['public'],
  'webinar.manage': ['staff'],
  'webinar.register': ['public'],
  'registration.read': ['owner', 'staff'],
  'registration.list': ['owner', 'staff'],
  'registration.list-by-email': ['owner', 'staff'],
  'registration.cancel': ['owner', 'staff'],
  'registration.attend': ['owner'],
  'registration.feedback': ['owner'],
  'registration.engage': ['owner', 'staff'],
  /** Erasing a deleted user's registrations: the system only. */
  'webinars.erase': [],
} as const satisfies PermissionTable;

export type WebinarsPermission = keyof typeof WEBINARS_PERMISSIONS;
