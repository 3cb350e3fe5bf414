import { defineLifecycle } from '../../core/lifecycle/index.js';

export const CONSULTATION_STATUSES = ['requested', 'confirmed', 'completed', 'canceled', 'no_show'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/**
 * A requested consultation is confirmed by staff with meeting details; a confirmed one may be
 * rescheduled (confirmed → confirmed with a new time, audited like any move), then ends completed
 * (with an outcome), canceled or as a no-show. The requester may cancel until it has taken place.
 */
export const consultationLifecycle = defineLifecycle<ConsultationStatus>({
  resource: 'consultation',
  states: CONSULTATION_STATUSES,
  initial: 'requested',
  moves: [
    { from: 'requested', to: 'confirmed', by: ['staff'] },
    { from: 'requested', to: 'canceled', by: ['owner', 'staff'] },
    { from: 'confirmed', to: 'confirmed', by: ['staff'] },
    { from: 'confirmed', to: 'completed', by: ['staff'] },
    { from: 'confirmed', to: 'canceled', by: ['owner', 'staff'] },
    { from: 'confirmed', to: 'no_show', by: ['staff'] },
  ],
});
