import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with learner profiles. Skills taught and learned are public profile information for
 * anyone signed in; availability is the owner's (and staff's) alone. The owner is the profile's user.
 */
export const LEARNING_PERMISSIONS = {
  'learning.profile.read': ['signed-in'],
  'learning.availability.read': ['owner', 'staff'],
  'learning.profile.edit': ['owner'],
  'learning.verify': ['staff'],
  'learning.verifications': ['staff'],
  'learning.leaderboard': ['public'],
  'learning.match': ['signed-in'],
  'learning.path': ['signed-in'],
  /** Reacting to other contexts (standing, removed skills, deleted users): the system only. */
  'learning.system': [],
} as const satisfies PermissionTable;
