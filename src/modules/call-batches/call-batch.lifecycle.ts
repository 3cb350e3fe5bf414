import { defineLifecycle } from '../../core/lifecycle/index.js';

export const CALL_BATCH_STATUSES = ['running', 'paused', 'completed', 'canceled'] as const;
export type CallBatchStatus = (typeof CALL_BATCH_STATUSES)[number];

/** Statuses a batch ends in. */
export const FINISHED_BATCH_STATUSES: readonly CallBatchStatus[] = ['completed', 'canceled'];

/**
 * A batch starts running. The tenant's callers (`owner` here: anyone of the tenant allowed to run batches) pause,
 * resume and cancel it; the system pauses it when calls cannot be paid for or the agent stopped being active, and
 * completes it when every item is done. A paused batch is never completed: its last items finished before the
 * pause, and resuming it lets the drain see that and complete it.
 */
export const callBatchLifecycle = defineLifecycle<CallBatchStatus>({
  resource: 'call batch',
  states: CALL_BATCH_STATUSES,
  initial: 'running',
  moves: [
    { from: 'running', to: 'paused', by: ['owner', 'system'] },
    { from: 'paused', to: 'running', by: ['owner'] },
    { from: 'running', to: 'completed', by: ['system'] },
    { from: 'running', to: 'canceled', by: ['owner'] },
    { from: 'paused', to: 'canceled', by: ['owner'] },
  ],
});

export const ITEM_STATES = ['pending', 'placing', 'calling', 'done'] as const;
export type CallBatchItemState = (typeof ITEM_STATES)[number];
/** States of an item not yet done: a batch with none of them left is complete. */
export const OPEN_ITEM_STATES: readonly CallBatchItemState[] = ['pending', 'placing', 'calling'];

export const ITEM_OUTCOMES = ['completed', 'failed', 'no_answer', 'busy', 'canceled', 'skipped'] as const;
export type CallBatchItemOutcome = (typeof ITEM_OUTCOMES)[number];
/** Outcomes a call is tried again after (until the batch's maxAttempts). */
export const RETRIED_OUTCOMES: readonly CallBatchItemOutcome[] = ['no_answer', 'busy'];
