import { defineLifecycle } from '../../core/lifecycle/index.js';

export const EXPERIMENT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Statuses a run ends in; reaching one may owe the owner a notification. */
export const FINISHED_STATUSES: readonly ExperimentStatus[] = ['succeeded', 'failed'];

/**
 * The owner's client reports its run as it goes: queued, running, then succeeded or failed. A run
 * reported only at its end may skip running. Moves only go forward; a finished run is final.
 */
export const experimentLifecycle = defineLifecycle<ExperimentStatus>({
  resource: 'lab experiment',
  states: EXPERIMENT_STATUSES,
  initial: 'queued',
  moves: [
    { from: 'queued', to: 'running', by: ['owner'] },
    { from: 'queued', to: 'succeeded', by: ['owner'] },
    { from: 'queued', to: 'failed', by: ['owner'] },
    { from: 'running', to: 'succeeded', by: ['owner'] },
    { from: 'running', to: 'failed', by: ['owner'] },
  ],
});
