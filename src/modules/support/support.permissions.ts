import type { PermissionTable } from '../../core/auth/permission-policy.js';

/**
 * Who may do what on the support desk. On a ticket, the requester is the owner and the assignee a
 * participant; on a user's list, the owner is that user. Services ask these on their first line.
 */
export const SUPPORT_PERMISSIONS = {
  'ticket.create': ['signed-in'],
  'ticket.read': ['owner', 'participant', 'staff'],
  'ticket.list': ['owner', 'staff'],
  'ticket.reply': ['owner', 'participant', 'staff'],
  'ticket.reopen': ['owner'],
  'ticket.rate': ['owner'],
  /** Internal notes: written and read by the desk only, never shown to the requester. */
  'ticket.note': ['staff'],
  'ticket.assign': ['staff'],
  'ticket.transition': ['staff'],
  'ticket.queue': ['staff'],
  'consultation.request': ['signed-in'],
  'consultation.read': ['owner', 'staff'],
  'consultation.list': ['owner', 'staff'],
  'consultation.cancel': ['owner', 'staff'],
  'consultation.feedback': ['owner'],
  'consultation.queue': ['staff'],
  'consultation.transition': ['staff'],
  'contact.create': ['public'],
  'contact.triage': ['staff'],
  /** Erasing a deleted user's data: the system only (no rule grants it to a caller). */
  'support.erase': [],
} as const satisfies PermissionTable;

export type SupportPermission = keyof typeof SUPPORT_PERMISSIONS;
