/** The public surface of webinars: the module, its services' types and the events it publishes. */
export { WebinarsModule } from './webinars.module.js';
