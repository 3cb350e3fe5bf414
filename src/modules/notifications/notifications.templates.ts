import { layoutEmail } from '../mail/index.js';

/** The generic notification email: a notification's title and body, and its first action as the link. */
export const NOTIFICATIONS_TEMPLATES = [
  layoutEmail({
    name: 'notification',
    subject: '{{title}}',
    body: '{{body}}',
    action: { label: '{{actionLabel}}', url: '{{actionUrl}}' },
  }),
];
