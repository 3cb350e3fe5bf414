import type { FinalCallStatus } from '../voice-calls.events.js';

/** Vapi's per-minute prices the simulator bills at, in US dollars (roughly Vapi's list prices). */
const RATES_PER_MINUTE = { transport: 0.01, stt: 0.01, llm: 0.02, tts: 0.036, vapi: 0.05 } as const;

export interface SimulatedOutcome {
  status: FinalCallStatus;
  endedReason: string;
  answered: boolean;
  durationSeconds: number;
}

/**
 * The outcome of a simulated call, from the customer number's last digit so tests choose it: 0–6 completed,
 * 7 no answer, 8 busy, 9 failed. Answered calls last 45 s plus 20 s per digit.
 */
export function simulatedOutcome(customerNumber: string): SimulatedOutcome {
  const digit = Number(customerNumber.replace(/\D/g, '').slice(-1) || '0');
  if (digit === 7) return { status: 'no_answer', endedReason: 'customer-did-not-answer', answered: false, durationSeconds: 0 };
  if (digit === 8) return { status: 'busy', endedReason: 'customer-busy', answered: false, durationSeconds: 0 };
  if (digit === 9) return { status: 'failed', endedReason: 'twilio-failed-to-connect-call', answered: false, durationSeconds: 0 };
  return { status: 'completed', endedReason: 'customer-ended-call', answered: true, durationSeconds: 45 + digit * 20 };
}

/** Vapi's cost fields for a call of this length: dollars, rounded to 1/10,000 as Vapi reports them. */
export function simulatedCost(durationSeconds: number): { cost: number; costBreakdown: Record<keyof typeof RATES_PER_MINUTE, number> } {
  const minutes = durationSeconds / 60;
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  const costBreakdown = {
    transport: round(RATES_PER_MINUTE.transport * minutes),
    stt: round(RATES_PER_MINUTE.stt * minutes),
    llm: round(RATES_PER_MINUTE.llm * minutes),
    tts: round(RATES_PER_MINUTE.tts * minutes),
    vapi: round(RATES_PER_MINUTE.vapi * minutes),
  };
  return { cost: round(Object.values(costBreakdown).reduce((sum, part) => sum + part, 0)), costBreakdown };
}

const LINES: readonly { role: 'assistant' | 'user'; text: string }[] = [
  { role: 'assistant', text: 'Hello, this is a quick call about your recent enquiry. Do you have a minute?' },
  { role: 'user', text: 'Sure, go ahead.' },
  { role: 'assistant', text: 'Great. Would you like us to send you an offer by email?' },
  { role: 'user', text: 'Yes please, that works for me.' },
  { role: 'assistant', text: 'Thank you, you will receive it today. Goodbye!' },
];

/** The conversation of an answered call, spread over its duration. */
export function simulatedTranscript(
  durationSeconds: number,
): { role: 'assistant' | 'user'; message: string; time: number; endTime: number; secondsFromStart: number }[] {
  const step = durationSeconds / LINES.length;
  return LINES.map((line, index) => ({
    role: line.role,
    message: line.text,
    time: 0,
    endTime: 0,
    secondsFromStart: Math.round(index * step * 10) / 10,
    duration: Math.round(step * 0.8 * 10) / 10,
  })).map(({ duration, ...rest }) => ({ ...rest, endTime: Math.round((rest.secondsFromStart + duration) * 10) / 10 }));
}
