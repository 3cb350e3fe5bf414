/** Presence's public surface: the module and its service type. */
export { PresenceModule } from './presence.module.js';
export type { PresenceService } from './presence.service.js';
