import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what with learning sessions. On a session the owner is the learner who booked it and the
 * teacher is a participant (both are in `participantIds`, so `participant` covers either side).
 */
export const SESSIONS_PERMISSIONS = {
  'session.book': ['signed-in'],
  'session.read': ['participant', 'staff'],
  'session.list': ['signed-in'],
  'session.list-all': ['staff'],
  'session.join': ['participant'],
  /** Start, pause, resume, end: the teacher; checked by the service after the read permission (403). */
  'session.conduct': ['participant'],
  'session.cancel': ['participant', 'staff'],
  'session.reschedule': ['participant', 'staff'],
  'session.statistics': ['signed-in'],
  'session.statistics-all': ['staff'],
} as const satisfies PermissionTable;

export type SessionsPermission = keyof typeof SESSIONS_PERMISSIONS;
