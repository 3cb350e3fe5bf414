import type { ExperimentStatus } from './experiment.lifecycle.js';
import type { ExperimentType } from './experiment-types.js';

/** A run the owner asked to hear about finished after running long enough to be worth a notice. */
export type ExperimentFinishedEvent = {
  experimentId: string;
  ownerId: string;
  experimentType: ExperimentType;
  experimentStatus: ExperimentStatus;
  /** Milliseconds the run took. */
  processingTime: number;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'lab.experiment-finished': ExperimentFinishedEvent;
  }
}
