/** The leads context's public surface: the module, the lead directory other contexts read, and the events it publishes. */
export { LeadsModule } from './leads.module.js';
export { LEAD_STATUSES, type LeadStatus, type LeadUpdatedEvent } from './leads.events.js';
export { LeadDirectory, type CallableLead } from './lead-directory.js';
