import { layoutEmail } from '../mail/index.js';

/** The tenancy context's emails, registered with the mail module when it starts. */
export const TENANCY_TEMPLATES = [
  layoutEmail({
    name: 'tenant-invite',
    subject: '{{inviterName}} invited you to {{tenantName}}',
    body: 'Hello,\n\n{{inviterName}} invited you to join {{tenantName}} as {{role}}. The invitation is valid until {{expiresAt}}.\n\nIf you did not expect it, you can ignore this email.',
    action: { label: 'Accept the invitation', url: '{{url}}' },
  }),
];
