import { defineLifecycle } from '../../core/lifecycle/index.js';

export const SESSION_STATUSES = ['scheduled', 'ongoing', 'paused', 'completed', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses that hold a slot in both participants' calendars (the overlap check counts these). */
export const SLOT_HOLDING_STATUSES: readonly SessionStatus[] = ['scheduled', 'ongoing', 'paused'];
/** Statuses a session ends in: GET /api/sessions/history. */
export const FINISHED_STATUSES: readonly SessionStatus[] = ['completed', 'cancelled', 'no_show'];

/**
 * A booked session is started by its teacher (from a configurable lead time before the start), may be paused
 * and resumed, and ends completed by the teacher. Before it starts either participant (learner or teacher) may
 * cancel it; staff may cancel it at any time before it ends (an ongoing or paused one gone wrong), never a finished
 * one. A session nobody started ends as a no-show, moved by the job once the grace period has passed. Rescheduling
 * is scheduled → scheduled with new times. `participant` is either side; which side may make a move (only the
 * teacher conducts) and the timing rules (the start window, cancelling before the start) stay in the service.
 */
export const sessionLifecycle = defineLifecycle<SessionStatus>({
  resource: 'session',
  states: SESSION_STATUSES,
  initial: 'scheduled',
  moves: [
    { from: 'scheduled', to: 'scheduled', by: ['participant', 'staff'] },
    { from: 'scheduled', to: 'ongoing', by: ['participant'] },
    { from: 'scheduled', to: 'cancelled', by: ['participant', 'staff'] },
    { from: 'scheduled', to: 'no_show', by: ['system'] },
    { from: 'ongoing', to: 'paused', by: ['participant'] },
    { from: 'ongoing', to: 'completed', by: ['participant'] },
    { from: 'ongoing', to: 'cancelled', by: ['staff'] },
    { from: 'paused', to: 'ongoing', by: ['participant'] },
    { from: 'paused', to: 'completed', by: ['participant'] },
    { from: 'paused', to: 'cancelled', by: ['staff'] },
  ],
});
