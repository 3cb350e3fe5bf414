import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with analytics: anyone tracks, staff read the dashboards, only the system purges. */
export const ANALYTICS_PERMISSIONS = {
  'analytics.track': ['public'],
  'analytics.dashboard': ['staff'],
  /** Removing data past retention: the nightly job only (no rule grants it to a caller). */
  'analytics.purge': [],
} as const satisfies PermissionTable;
