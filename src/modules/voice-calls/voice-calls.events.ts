export const CALL_STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const FINAL_CALL_STATUSES = ['completed', 'failed', 'no_answer', 'busy', 'canceled'] as const satisfies readonly CallStatus[];
export type FinalCallStatus = (typeof FINAL_CALL_STATUSES)[number];

// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/** A call reached its final status (whatever it is); owed once per call. */
export type CallCompletedEvent = {
  tenantId: string;
  callId: string;
  agentId: string;
  leadId?: string;
  batchId?: string;
  direction: 'outbound' | 'inbound';
  callStatus: FinalCallStatus;
  endedReason?: string;
  durationSeconds: number;
  /** Minor units of `costCurrency`. */
  costMinor: number;
  costCurrency: string;
  /** ISO 8601. */
  callEndedAt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'call.completed': CallCompletedEvent;
  }
}
