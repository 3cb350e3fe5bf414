import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with email sign-ups: the public signs up and follows its links; staff read the list. */
export const MARKETING_PERMISSIONS = {
  'capture.create': ['public'],
  /** Confirm or unsubscribe: the signed link is the proof, whoever follows it. */
  'capture.link': ['public'],
  'capture.list': ['staff'],
  'capture.export': ['staff'],
  /** Erasing a deleted user's sign-up: the system only. */
  'marketing.erase': [],
} as const satisfies PermissionTable;

export type MarketingPermission = keyof typeof MARKETING_PERMISSIONS;
