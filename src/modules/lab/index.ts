/** The public surface of lab: the module, its services' types and the events it publishes. */
export { LabModule } from './lab.module.js';
