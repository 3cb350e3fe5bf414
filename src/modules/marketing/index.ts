/** Marketing's public surface: the module, the sign-up links (for unsubscribe links in emails) and the events it publishes. */
export { MarketingModule } from './marketing.module.js';
export type { CaptureLinks } from './capture-links.js';
export type { EmailCapturesService } from './email-captures.service.js';
export { MarketingEvents, type CaptureRequestedEvent } from './marketing.events.js';
