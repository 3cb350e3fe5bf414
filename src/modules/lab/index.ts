/** The public surface of lab: the module, its services' types and the events it publishes. */
export { LabModule } from './lab.module.js';
export type { ExperimentsService } from './experiments.service.js';
export { EXPERIMENT_TYPES, type ExperimentType } from './experiment-types.js';
export { EXPERIMENT_STATUSES, type ExperimentStatus } from './experiment.lifecycle.js';
export type { ExperimentFinishedEvent } from './lab.events.js';
export { LAB_NOTIFICATION_TYPES } from './lab.notification-types.js';
