import { layoutEmail } from '../mail/index.js';

/** The support desk's emails, registered with the mail module when the desk starts. */
export const SUPPORT_TEMPLATES = [
  layoutEmail({
    name: 'ticket-reply',
    subject: 'New reply on ticket {{ticketNumber}}',
    body: 'Hello {{name}},\n\n{{author}} replied to your ticket "{{ticketSubject}}":\n\n{{reply}}',
    action: { label: 'View the ticket', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'ticket-status-changed',
    subject: 'Ticket {{ticketNumber}} is {{status}}',
    body: 'Hello {{name}},\n\nyour ticket "{{ticketSubject}}" is now {{status}}.{{#if note}}\n\n{{note}}{{/if}}',
    action: { label: 'View the ticket', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'consultation-update',
    subject: 'Consultation {{change}}',
    body: 'Hello {{name}},\n\n{{headline}}.{{#if when}} Time: {{when}}.{{/if}}{{#if meetingUrl}}\n\nJoin at {{meetingUrl}}{{/if}}{{#if reason}}\n\n{{reason}}{{/if}}',
    action: { label: 'View the consultation', url: '{{url}}' },
  }),
];
