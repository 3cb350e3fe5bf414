import type { PermissionTable } from '../../core/auth/permission-policy.js';

/** Who may do what with uploaded files: the uploader owns a file; the staff may see and remove any. */
export const FILES_PERMISSIONS = {
  'file.upload': ['signed-in'],
  'file.read': ['owner', 'staff'],
  'file.delete': ['owner', 'staff'],
  /** A signed link is its own credential: whoever holds it may download until it expires. */
  'file.download-link': ['public'],
  /** Erasing a deleted user's files: the system only (no rule grants it to a caller). */
  'files.erase': [],
} as const satisfies PermissionTable;
