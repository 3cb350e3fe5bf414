/** The voice calls context's public surface: the events it publishes (other contexts react to a call's end). */
export {
  CALL_STATUSES,
  FINAL_CALL_STATUSES,
  type CallCompletedEvent,
  type CallStatus,
  type FinalCallStatus,
} from './voice-calls.events.js';
