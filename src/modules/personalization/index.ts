/** The public surface of personalization: the module, its services' types and the events it publishes. */
export { PersonalizationModule } from './personalization.module.js';
