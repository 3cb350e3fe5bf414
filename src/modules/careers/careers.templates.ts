import { layoutEmail } from '../mail/index.js';

/** Careers' emails, registered with the mail module when careers starts. */
export const CAREERS_TEMPLATES = [
  layoutEmail({
    name: 'careers-follow-up-link',
    subject: 'Follow your job applications',
    body: 'Hello {{name}},\n\nuse this link to see your applications and answer us. It works until {{expiresAt}}; do not forward it.',
    action: { label: 'Follow my applications', url: '{{url}}' },
  }),
  layoutEmail({
    name: 'careers-application-update',
    subject: 'Your application {{applicationNumber}}: {{headline}}',
    body: 'Hello {{name}},\n\nyour application for {{positionTitle}}: {{headline}}.{{#if detail}}\n\n{{detail}}{{/if}}',
    action: { label: 'View the application', url: '{{url}}' },
  }),
];
