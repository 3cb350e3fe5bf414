import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with the email queue. Services ask these on their first line. */
export const MAIL_PERMISSIONS = {
  /** Queueing mail is what flows do on the platform's behalf (acting as the system), never a caller directly. */
  'mail.send': [],
  /** Workers claim and send: the system only. */
  'mail.drain': [],
  /** Old sent and dead mail is purged by the system only. */
  'mail.purge': [],
  'email-queue.read': ['admin'],
  'email-queue.retry': ['admin'],
} as const satisfies PermissionTable;

export type MailPermission = keyof typeof MAIL_PERMISSIONS;
