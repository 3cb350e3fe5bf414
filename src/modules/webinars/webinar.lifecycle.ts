import { defineLifecycle } from '../../core/lifecycle/index.js';

export const WEBINAR_STATUSES = ['draft', 'scheduled', 'live', 'ended', 'canceled'] as const;
export type WebinarStatus = (typeof WEBINAR_STATUSES)[number];

/** Statuses in which people may still register. */
export const OPEN_WEBINAR_STATUSES: readonly WebinarStatus[] = ['scheduled', 'live'];

/**
 * Staff prepare a webinar as a draft, publish it (scheduled), take it live and end it; a draft or a
 * scheduled webinar may be canceled (every registrant is told once). Ended and canceled are final.
 */
export const webinarLifecycle = defineLifecycle<WebinarStatus>({
  resource: 'webinar',
  states: WEBINAR_STATUSES,
  initial: 'draft',
  moves: [
    { from: 'draft', to: 'scheduled', by: ['staff'] },
    { from: 'draft', to: 'canceled', by: ['staff'] },
    { from: 'scheduled', to: 'live', by: ['staff'] },
    { from: 'scheduled', to: 'canceled', by: ['staff'] },
    { from: 'live', to: 'ended', by: ['staff'] },
  ],
});
