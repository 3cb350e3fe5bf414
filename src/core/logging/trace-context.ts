/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): reading a caller's `traceparent` and writing
 * the one this service answers with. Pure, so every rule of the spec is checked by a unit spec.
 */
export interface TraceParent {
  /** 32 lowercase hex characters, never all zeros. */
  traceId: string;
  /** The caller's span: 16 lowercase hex characters, never all zeros. */
  parentId: string;
  /** The trace flags this service understands (sampled, random trace id); others are dropped. */
  flags: number;
}

/** `version-traceid-parentid-flags`, lowercase hex only; what follows is checked by version below. */
const FIELDS = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}/;
const VERSION_00_LENGTH = 55;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);
/** Level 1 defines `sampled` (01); Level 2 adds `random-trace-id` (02). Unknown bits are not propagated. */
const KNOWN_FLAGS = 0x03;
/** Set on a trace this service starts: its id is 16 random bytes, as Level 2 asks of that flag. */
export const RANDOM_TRACE_ID = 0x02;

/** The caller's trace, or undefined when the header is absent or invalid (the trace then restarts here). */
export function parseTraceparent(header: string | string[] | undefined): TraceParent | undefined {
  // Repeated headers arrive joined by ", " (or as a list): the spec makes that invalid.
  if (typeof header !== 'string' || header.length < VERSION_00_LENGTH || !FIELDS.test(header)) return undefined;
  const version = header.slice(0, 2);
  if (version === 'ff') return undefined;
  // Version 00 is exactly 55 characters; a later version may append fields, after a dash.
  if (version === '00' ? header.length !== VERSION_00_LENGTH : header.length > VERSION_00_LENGTH && header[VERSION_00_LENGTH] !== '-') {
    return undefined;
  }
  const traceId = header.slice(3, 35);
  const parentId = header.slice(36, 52);
  if (traceId === ZERO_TRACE_ID || parentId === ZERO_SPAN_ID) return undefined;
  return { traceId, parentId, flags: parseInt(header.slice(53, 55), 16) & KNOWN_FLAGS };
}

/** A version 00 header value: the version this service speaks, whatever version the caller sent. */
export function formatTraceparent(traceId: string, spanId: string, flags: number): string {
  return `00-${traceId}-${spanId}-${flags < 0x10 ? '0' : ''}${flags.toString(16)}`;
}
