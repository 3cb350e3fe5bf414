import { defineLifecycle } from '../../core/lifecycle/index.js';
import { CALL_STATUSES, FINAL_CALL_STATUSES, type CallStatus, type FinalCallStatus } from './voice-calls.events.js';

/** Statuses of a call that holds a concurrency slot: it may still be talking. */
export const LIVE_CALL_STATUSES: readonly CallStatus[] = ['queued', 'ringing', 'in_progress'];

export const isFinalCall = (status: CallStatus): status is FinalCallStatus => (FINAL_CALL_STATUSES as readonly string[]).includes(status);

/** How far along a status is; provider messages for an earlier rank than the call's are late and ignored. */
export const CALL_RANK: Record<CallStatus, number> = {
  queued: 0,
  ringing: 1,
  in_progress: 2,
  completed: 3,
  failed: 3,
  no_answer: 3,
  busy: 3,
  canceled: 3,
};

/**
 * A call is queued when placed, rings, is answered and ends. Provider messages (the system) drive it forward;
 * before it is answered it may also end unanswered, busy, failed or canceled; an answered call ends completed
 * or failed. The caller (owner) may cancel one that has not been answered yet. Final states never move: late or
 * repeated messages are ignored by rank before they reach the table.
 */
export const callLifecycle = defineLifecycle<CallStatus>({
  resource: 'call',
  states: CALL_STATUSES,
  initial: 'queued',
  moves: [
    { from: 'queued', to: 'ringing', by: ['system'] },
    { from: 'queued', to: 'in_progress', by: ['system'] },
    { from: 'queued', to: 'completed', by: ['system'] },
    { from: 'queued', to: 'failed', by: ['system'] },
    { from: 'queued', to: 'no_answer', by: ['system'] },
    { from: 'queued', to: 'busy', by: ['system'] },
    { from: 'queued', to: 'canceled', by: ['owner', 'system'] },
    { from: 'ringing', to: 'in_progress', by: ['system'] },
    { from: 'ringing', to: 'completed', by: ['system'] },
    { from: 'ringing', to: 'failed', by: ['system'] },
    { from: 'ringing', to: 'no_answer', by: ['system'] },
    { from: 'ringing', to: 'busy', by: ['system'] },
    { from: 'ringing', to: 'canceled', by: ['owner', 'system'] },
    { from: 'in_progress', to: 'completed', by: ['system'] },
    { from: 'in_progress', to: 'failed', by: ['system'] },
  ],
});
