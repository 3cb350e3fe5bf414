import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with the catalogue: anyone browses it, staff curate it, the system keeps its numbers. */
export const SKILLS_PERMISSIONS = {
  'skill.browse': ['public'],
  /** Drafts, archived skills in lists, and every status filter. */
  'skill.browse-all': ['staff'],
  'skill.manage': ['staff'],
  /** Holders, ratings, ranks and a removal's follow-up: the system only. */
  'skill.stats': [],
} as const satisfies PermissionTable;
