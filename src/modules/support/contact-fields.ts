export const CONTACT_TOPICS = ['general', 'sales', 'support', 'billing', 'partnership', 'press', 'careers', 'other'] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

/** What staff decide about a contact message. */
export const TRIAGE_ACTIONS = ['triage', 'convert', 'spam', 'close'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];
