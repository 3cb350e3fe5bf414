import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, scanInput } from './input-limits.js';
import { FormShapeScanner, JsonShapeScanner } from './input-shape-scanner.js';

const scanText = (text: string, chunkSize = text.length) => {
  const scanner = new JsonShapeScanner();
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkSize) {
    const breach = scanner.write(bytes.subarray(at, at + chunkSize));
    if (breach) return breach.limit;
  }
  return undefined;
};

const many = (count: number, item: (i: number) => string) => Array.from({ length: count }, (_, i) => item(i)).join(',');

describe('JSON shape scanner (before parsing)', () => {
  const cases: Record<string, string> = {
    ordinary: '{"email":"a@b.c","profile":{"bio":"{[,:]}\\"quoted\\" \\\\"},"tags":["a","b"],"n":-1.5e3,"ok":true,"none":null}',
    scalar: '12345',
    empty: '{"a":{},"b":[],"c":[[]]}',
    widestObject: `{${many(INPUT_LIMITS.keysPerObject, (i) => `"k${i}":${i}`)}}`,
    tooWideObject: `{${many(INPUT_LIMITS.keysPerObject + 1, (i) => `"k${i}":${i}`)}}`,
    longestList: `[${many(INPUT_LIMITS.arrayLength, () => '0')}]`,
    tooLongList: `{"x":[${many(INPUT_LIMITS.arrayLength + 1, () => '0')}]}`,
    deepest: `${'['.repeat(INPUT_LIMITS.depth)}${']'.repeat(INPUT_LIMITS.depth)}`,
    tooDeep: `{"x":${'['.repeat(INPUT_LIMITS.depth)}${']'.repeat(INPUT_LIMITS.depth)}}`,
    tooManyKeys: `[${many(30, (o) => `{${many(180, (i) => `"k${o}_${i}":1`)}}`)}]`,
    tooManyValues: `[${many(11, () => `[${many(999, () => '1')}]`)}]`,
  };

  it('reaches the same verdict as the walk over the parsed value, however the bytes are split', () => {
    for (const [name, text] of Object.entries(cases)) {
      const expected = scanInput(JSON.parse(text), 'body').breach?.limit;
      expect(scanText(text), name).toBe(expected);
      expect(scanText(text, 7), `${name} in chunks`).toBe(expected);
    }
    expect(scanText(cases.ordinary)).toBeUndefined();
    expect(scanText(cases.tooWideObject)).toBe('keysPerObject');
  });

  it('stops at the first bound, long before the end of a hostile body', () => {
    const scanner = new JsonShapeScanner();
    const hostile = Buffer.from(`{${many(90_000, (i) => `"k${i}":1`)}}`);
    expect(scanner.write(hostile.subarray(0, 4096))).toMatchObject({ limit: 'keysPerObject' });
  });

  it('counts form parameters', () => {
    expect(new FormShapeScanner().write(Buffer.from(many(INPUT_LIMITS.parameters, (i) => `p${i}=1`).replaceAll(',', '&')))).toBeUndefined();
    expect(new FormShapeScanner().write(Buffer.from(many(5000, (i) => `p${i}=1`).replaceAll(',', '&')))).toMatchObject({
      limit: 'parameters',
    });
  });
});
