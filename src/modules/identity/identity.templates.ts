import { layoutEmail } from '../mail/index.js';

/** Identity's emails, registered with the mail module when identity starts. */
export const IDENTITY_TEMPLATES = [
  layoutEmail({
    name: 'welcome',
    subject: 'Welcome to Atrium, {{name}}',
    body: 'Hello {{name}},\n\nyour account is ready. Sign in any time to pick up where you left off.',
    action: { label: 'Open Atrium', url: '{{baseUrl}}' },
  }),
  layoutEmail({
    name: 'password-changed',
    subject: 'Your Atrium password was changed',
    body: 'Hello {{name}},\n\nyour password was changed and your other devices were signed out. If this was not you, reset your password now.',
  }),
  layoutEmail({
    name: 'verify-email',
    subject: 'Confirm your email address for Atrium',
    body: 'Hello {{name}},\n\nplease confirm that this is your email address. The link works for {{validFor}}; if you did not create an Atrium account, ignore this email.',
    action: { label: 'Confirm my email address', url: '{{url}}' },
  }),
];
