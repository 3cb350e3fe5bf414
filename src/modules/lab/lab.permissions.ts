import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with lab runs; the owner of a run is the user who reported it. */
export const LAB_PERMISSIONS = {
  'lab.track': ['signed-in'],
  'lab.read': ['owner', 'staff'],
  /** Reporting progress on an existing run: its owner only (staff see runs but do not report them). */
  'lab.report': ['owner'],
  'lab.list': ['signed-in'],
  /** Another user's statistics, or everyone's. */
  'lab.stats.any': ['staff'],
} as const satisfies PermissionTable;
