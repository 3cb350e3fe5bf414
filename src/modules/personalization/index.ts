/** The public surface of personalization: the module and its service's type. */
export { PersonalizationModule } from './personalization.module.js';
export type { PersonalizationService } from './personalization.service.js';
