import { layoutEmail } from '../mail/index.js';

/** Billing's emails, registered with the mail module when billing starts. */
export const BILLING_TEMPLATES = [
  layoutEmail({
    name: 'payment-receipt',
    subject: 'Receipt: {{amount}}',
    body: 'Hello {{name}},\n\nwe received your payment of {{amount}}{{#if description}} for {{description}}{{/if}}. Reference: {{transactionId}}.',
  }),
];
