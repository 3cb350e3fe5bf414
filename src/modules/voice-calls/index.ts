/** The voice calls context's public surface: the module, the call placer and the events it publishes. */
export { VoiceCallsModule } from './voice-calls.module.js';
export {
  CALL_STATUSES,
  FINAL_CALL_STATUSES,
  type CallCompletedEvent,
  type CallStatus,
  type FinalCallStatus,
} from './voice-calls.events.js';
export { CallPlacer, type PlaceCallInput, type PlacedCall } from './call-placer.js';
export { CallSlotsFullProblem, MinutesExhaustedProblem } from './voice-calls-problems.js';
