import { costFromVapi } from './call-costs.js';
import type { CallEnding } from './call-progress.js';
import { MAX_SEGMENT_CHARS, MAX_SEGMENTS, MAX_VAPI_DATA_CHARS, type Speaker, type TranscriptSegment } from './schemas/voice-call.schema.js';
import type { CallStatus, FinalCallStatus } from './voice-calls.events.js';

/**
 * A server message as Vapi posts it: `{ message: { type, call, ... } }`. The call carries the transient assistant it
 * was placed with, and so the metadata we gave it.
 */
export interface VapiServerMessage {
  type: string;
  call?: { id?: unknown; assistant?: VapiAssistantEcho };
  /** The assistant of the call, on the message itself too in Vapi's status, transcript and report messages. */
  assistant?: VapiAssistantEcho;
  [field: string]: unknown;
}

interface VapiAssistantEcho {
  metadata?: { callId?: unknown };
  server?: { headers?: unknown };
}

/** The message inside a body, or null when the body is not a Vapi server message. */
export function parseServerMessage(body: unknown): VapiServerMessage | null {
  const message = (body as { message?: unknown } | null)?.message;
  if (!message || typeof message !== 'object' || Array.isArray(message)) return null;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && type.length > 0 && type.length <= 60 ? (message as VapiServerMessage) : null;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
const seconds = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value * 10) / 10 : 0;
const date = (value: unknown): Date | undefined => {
  const parsed = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
};

export const vapiCallIdOf = (message: VapiServerMessage): string | undefined => text(message.call?.id, 100);
export const ourCallIdOf = (message: VapiServerMessage): string | undefined => {
  const id = message.call?.assistant?.metadata?.callId ?? message.assistant?.metadata?.callId;
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id) ? id : undefined;
};

/**
 * The message as it may be kept: Vapi echoes the assistant the call was created with, and with it the secret header
 * we gave its server, which must not sit in the message log and its backups.
 */
export function withoutSecrets(message: VapiServerMessage): VapiServerMessage {
  const scrub = (assistant: VapiAssistantEcho | undefined) =>
    assistant?.server?.headers === undefined ? assistant : { ...assistant, server: { ...assistant.server, headers: '[removed]' } };
  return {
    ...message,
    ...(message.assistant ? { assistant: scrub(message.assistant) } : {}),
    ...(message.call?.assistant ? { call: { ...message.call, assistant: scrub(message.call.assistant) } } : {}),
  };
}

/** Vapi's live statuses in ours; `ended` is left to the end-of-call report, which carries the outcome. */
export function liveStatusOf(status: unknown): CallStatus | undefined {
  return ({ queued: 'queued', ringing: 'ringing', 'in-progress': 'in_progress' } as Record<string, CallStatus>)[String(status)];
}

/** The final status an ended reason means. */
export function finalStatusOf(endedReason: string | undefined, answered: boolean): FinalCallStatus {
  const reason = (endedReason ?? '').toLowerCase();
  if (reason === 'customer-did-not-answer' || reason.includes('no-answer') || reason === 'voicemail') return 'no_answer';
  if (reason.includes('busy')) return 'busy';
  if (reason.includes('cancel')) return 'canceled';
  if (reason.includes('error') || reason.includes('failed') || reason.includes('fault')) return answered ? 'completed' : 'failed';
  return 'completed';
}

const speakerOf = (role: unknown): Speaker =>
  role === 'assistant' || role === 'bot' ? 'agent' : role === 'user' || role === 'customer' ? 'customer' : 'system';

/** One live transcript line (only final ones are kept; partials are replaced by the report's artifact). */
export function segmentOf(message: VapiServerMessage): TranscriptSegment | null {
  if (message.transcriptType !== undefined && message.transcriptType !== 'final') return null;
  const line = text(message.transcript, MAX_SEGMENT_CHARS);
  if (!line) return null;
  return { speaker: speakerOf(message.role), text: line, startSeconds: 0, endSeconds: 0 };
}

/** The transcript of a report's artifact messages, bounded. */
function transcriptOf(artifact: unknown): TranscriptSegment[] {
  const messages = (artifact as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages
    .filter(
      (entry): entry is Record<string, unknown> =>
        !!entry && typeof entry === 'object' && (entry.role === 'assistant' || entry.role === 'bot' || entry.role === 'user'),
    )
    .slice(0, MAX_SEGMENTS)
    .flatMap((entry) => {
      const line = text(entry.message, MAX_SEGMENT_CHARS);
      return line
        ? [
            {
              speaker: speakerOf(entry.role),
              text: line,
              startSeconds: seconds(entry.secondsFromStart),
              endSeconds: seconds(entry.endTime) || seconds(entry.secondsFromStart),
            },
          ]
        : [];
    });
}

/** Raw provider data, kept only while it is small. */
function bounded(message: VapiServerMessage): Record<string, unknown> {
  const json = JSON.stringify(message);
  return json.length <= MAX_VAPI_DATA_CHARS
    ? (message as Record<string, unknown>)
    : { type: message.type, truncated: true, size: json.length };
}

/** What an end-of-call report sets on the call. */
export function endingOf(message: VapiServerMessage): { status: FinalCallStatus; ending: CallEnding } {
  const durationSeconds = Math.round(seconds(message.durationSeconds));
  const endedReason = text(message.endedReason, 200);
  const { costMinor, breakdown } = costFromVapi(message.cost, message.costBreakdown);
  const startedAt = date(message.startedAt);
  const endedAt = date(message.endedAt) ?? new Date();
  const ending: CallEnding = {
    durationSeconds,
    costMinor,
    costCurrency: 'USD',
    costBreakdown: breakdown,
    transcription: transcriptOf(message.artifact),
    summary: text(message.summary ?? (message.analysis as { summary?: unknown } | undefined)?.summary, 5000),
    recordingUrl: text(message.recordingUrl ?? (message.artifact as { recordingUrl?: unknown } | undefined)?.recordingUrl, 2000),
    ...(endedReason ? { endedReason } : {}),
    ...(startedAt ? { startedAt } : {}),
    endedAt,
    vapiData: bounded(message),
  };
  for (const key of Object.keys(ending) as (keyof CallEnding)[]) if (ending[key] === undefined) delete ending[key];
  return { status: finalStatusOf(endedReason, durationSeconds > 0), ending };
}
