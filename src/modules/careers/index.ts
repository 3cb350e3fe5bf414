/** The public surface of careers: the module, its services' types and the events it publishes. */
export { CareersModule } from './careers.module.js';
