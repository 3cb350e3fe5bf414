import { layoutEmail } from '../mail/index.js';

/** The webinars' emails, registered with the mail module when the module starts. */
export const WEBINARS_TEMPLATES = [
  layoutEmail({
    name: 'webinar-registered',
    subject: '{{#if waitlisted}}On the waitlist for{{else}}Registered for{{/if}} {{webinarTitle}}',
    body: 'Hello {{name}},\n\n{{#if waitlisted}}the webinar "{{webinarTitle}}" is full; you are on its waitlist and will hear from us when a seat frees up.{{else}}your seat for "{{webinarTitle}}" is confirmed.{{/if}} It starts {{when}}.\n\nKeep this email: its link lets you see or cancel your registration without an account.',
    action: { label: 'Manage your registration', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'webinar-promoted',
    subject: 'A seat for {{webinarTitle}} is yours',
    body: 'Hello {{name}},\n\na seat freed up: your registration for "{{webinarTitle}}" is confirmed. It starts {{when}}.',
    action: { label: 'View your registration', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'webinar-reminder',
    subject: '{{webinarTitle}} starts {{soon}}',
    body: 'Hello {{name}},\n\n"{{webinarTitle}}" starts {{soon}}: {{when}}. You can join a few minutes before the start.',
    action: { label: 'View your registration', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'webinar-canceled',
    subject: '{{webinarTitle}} is canceled',
    body: 'Hello {{name}},\n\nwe are sorry: the webinar "{{webinarTitle}}" planned for {{when}} is canceled.',
    action: { label: 'See upcoming webinars', url: '{{url}}' },
  }),
];
