import { defineLifecycle } from '../../core/lifecycle/index.js';

export const CONTACT_STATUSES = ['new', 'triaged', 'converted', 'spam', 'closed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Staff read a contact message and decide: a ticket, spam, or closed; `triaged` marks one looked at and pending a decision. */
export const contactMessageLifecycle = defineLifecycle<ContactStatus>({
  resource: 'contact message',
  states: CONTACT_STATUSES,
  initial: 'new',
  moves: [
    { from: 'new', to: 'triaged', by: ['staff'] },
    { from: 'new', to: 'converted', by: ['staff'] },
    { from: 'new', to: 'spam', by: ['staff'] },
    { from: 'new', to: 'closed', by: ['staff'] },
    { from: 'triaged', to: 'converted', by: ['staff'] },
    { from: 'triaged', to: 'spam', by: ['staff'] },
    { from: 'triaged', to: 'closed', by: ['staff'] },
  ],
});
