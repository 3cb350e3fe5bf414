import { defineLifecycle } from '../../core/lifecycle/index.js';

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * A queued email's life. Workers (the system) claim pending and failed mail, and mail whose sender's
 * lease ran out (sending → sending); a send ends sent, failed (retried after a backoff) or dead (out of
 * attempts); an admin (staff trigger) sends a dead email again. Claims stay one atomic findOneAndUpdate
 * whose status filter is read from this table.
 */
export const emailLifecycle = defineLifecycle<EmailStatus>({
  resource: 'queued email',
  states: EMAIL_STATUSES,
  initial: 'pending',
  moves: [
    { from: 'pending', to: 'sending', by: ['system'] },
    { from: 'failed', to: 'sending', by: ['system'] },
    { from: 'sending', to: 'sending', by: ['system'] },
    { from: 'sending', to: 'sent', by: ['system'] },
    { from: 'sending', to: 'failed', by: ['system'] },
    { from: 'sending', to: 'dead', by: ['system'] },
    { from: 'dead', to: 'pending', by: ['staff'] },
  ],
});

/** The states a worker may claim mail from: every state the table lets the system move to `sending`. */
export const CLAIMABLE_STATUSES: readonly EmailStatus[] = EMAIL_STATUSES.filter((status) =>
  emailLifecycle.mayTrigger(status, 'sending', 'system'),
);
