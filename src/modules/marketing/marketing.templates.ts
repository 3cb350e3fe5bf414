import { layoutEmail } from '../mail/index.js';

/** Marketing's emails, registered with the mail module when marketing starts. */
export const MARKETING_TEMPLATES = [
  layoutEmail({
    name: 'email-confirm',
    subject: 'Confirm your subscription',
    body: 'Please confirm that you want emails from Atrium at this address. If you did not ask for this, ignore this message.',
    action: { label: 'Confirm', url: '{{confirmUrl}}' },
  }),
];
