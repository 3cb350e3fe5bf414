import { layoutEmail } from '../mail/index.js';
import { SESSION_TEMPLATE_NAMES as NAMES } from './sessions.notification-types.js';

/**
 * The sessions' emails, registered with the mail module when the module starts. Variables: `name` (the
 * recipient), `other` (the other participant as they show themselves), `skillName`, `when` (the start in the
 * session's time zone), `url` (the session's page), and per template the change's details.
 */
export const SESSIONS_TEMPLATES = [
  layoutEmail({
    name: NAMES.booked,
    subject: 'New session: {{skillName}} {{when}}',
    body: 'Hello {{name}},\n\n{{other}} booked a {{skillName}} session with you. It starts {{when}}.',
    action: { label: 'View the session', url: '{{url}}' },
  }),
  layoutEmail({
    name: NAMES.cancelled,
    subject: 'Session cancelled: {{skillName}} {{when}}',
    body: 'Hello {{name}},\n\nthe {{skillName}} session with {{other}} planned for {{when}} is cancelled.{{#if reason}}\n\nReason: {{reason}}{{/if}}',
    action: { label: 'See your sessions', url: '{{url}}' },
  }),
  layoutEmail({
    name: NAMES.rescheduled,
    subject: 'New time for your {{skillName}} session',
    body: 'Hello {{name}},\n\nyour {{skillName}} session with {{other}} moved from {{previous}} to {{when}}.{{#if reason}}\n\nReason: {{reason}}{{/if}}',
    action: { label: 'View the session', url: '{{url}}' },
  }),
  layoutEmail({
    name: NAMES.reminder,
    subject: 'Your {{skillName}} session starts {{soon}}',
    body: 'Hello {{name}},\n\nyour {{skillName}} session with {{other}} starts {{soon}}: {{when}}. You can join the room a few minutes before the start.',
    action: { label: 'Open the session', url: '{{url}}' },
  }),
  layoutEmail({
    name: NAMES.completed,
    subject: 'How was your {{skillName}} session?',
    body: 'Hello {{name}},\n\nthank you for your {{skillName}} session with {{other}} ({{minutes}} minutes). Rate it and leave a few words: it helps both of you.',
    action: { label: 'Give feedback', url: '{{url}}' },
  }),
];
