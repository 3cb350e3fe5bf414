import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what in careers. On an application the owner is the signed-in applicant; an applicant
 * presenting a valid follow-up token for the application's address is let in by ApplicationAccess.
 */
export const CAREERS_PERMISSIONS = {
  'posting.browse': ['public'],
  'posting.manage': ['staff'],
  'application.submit': ['public'],
  'application.read': ['owner', 'staff'],
  'application.list': ['owner', 'staff'],
  'application.withdraw': ['owner'],
  'application.respond-offer': ['owner'],
  'application.follow-up-link': ['public'],
  /** The pipeline: lists, export, moves, reviewers, interviews, offers, notes and the staff view. */
  'application.pipeline': ['staff'],
  /** Erasing a deleted user's applications: the system only. */
  'careers.erase': [],
} as const satisfies PermissionTable;

export type CareersPermission = keyof typeof CAREERS_PERMISSIONS;
