import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent } from './trace-context.js';
import { newSpanId, newTraceId } from './trace-ids.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

describe('traceparent', () => {
  it('reads a version 00 header', () => {
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-01`)).toEqual({ traceId: TRACE, parentId: PARENT, flags: 1 });
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-00`)).toEqual({ traceId: TRACE, parentId: PARENT, flags: 0 });
  });

  it('keeps only the flags it knows (sampled, random trace id)', () => {
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-03`)?.flags).toBe(3);
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-ff`)?.flags).toBe(3);
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-08`)?.flags).toBe(0);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['a list', [`00-${TRACE}-${PARENT}-01`]],
    ['all-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${PARENT}-01`],
    ['uppercase hex', `00-${TRACE.toUpperCase()}-${PARENT}-01`],
    ['uppercase version', `0A-${TRACE}-${PARENT}-01`],
    ['a short trace id', `00-${TRACE.slice(1)}-${PARENT}-01`],
    ['a short parent id', `00-${TRACE}-${PARENT.slice(1)}-01`],
    ['one flag digit', `00-${TRACE}-${PARENT}-1`],
    ['non-hex characters', `00-${TRACE.slice(0, 31)}g-${PARENT}-01`],
    ['other separators', `00_${TRACE}_${PARENT}_01`],
    ['version 00 with more fields', `00-${TRACE}-${PARENT}-01-extra`],
    ['version 00 with trailing characters', `00-${TRACE}-${PARENT}-01x`],
    ['two headers joined', `00-${TRACE}-${PARENT}-01, 00-${TRACE}-${PARENT}-01`],
    ['a later version whose flags run on', `cc-${TRACE}-${PARENT}-01x`],
    ['a later version that is too short', `cc-${TRACE}-${PARENT}-0`],
  ])('refuses %s', (_, header) => {
    expect(parseTraceparent(header as string | string[] | undefined)).toBeUndefined();
  });

  it('reads a later version by its version 00 fields, with or without fields after them', () => {
    expect(parseTraceparent(`cc-${TRACE}-${PARENT}-01`)).toEqual({ traceId: TRACE, parentId: PARENT, flags: 1 });
    expect(parseTraceparent(`cc-${TRACE}-${PARENT}-01-what-the-future-will-be-like`)).toEqual({
      traceId: TRACE,
      parentId: PARENT,
      flags: 1,
    });
  });

  it('writes version 00 with two flag digits', () => {
    expect(formatTraceparent(TRACE, PARENT, 1)).toBe(`00-${TRACE}-${PARENT}-01`);
    expect(formatTraceparent(TRACE, PARENT, 0x2a)).toBe(`00-${TRACE}-${PARENT}-2a`);
    expect(parseTraceparent(formatTraceparent(TRACE, PARENT, 2))).toEqual({ traceId: TRACE, parentId: PARENT, flags: 2 });
  });
});

describe('trace ids', () => {
  it('draws valid, distinct trace and span ids, across refills of the pool', () => {
    const traces = Array.from({ length: 1000 }, newTraceId);
    const spans = Array.from({ length: 1000 }, newSpanId);
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(traces).size).toBe(traces.length);
    expect(new Set(spans).size).toBe(spans.length);
    expect(parseTraceparent(formatTraceparent(traces[0], spans[0], 0))?.traceId).toBe(traces[0]);
  });
});
