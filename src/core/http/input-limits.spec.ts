import { describe, expect, it } from 'vitest';
import { inputProblem } from './input-limits.hook.js';
import { INPUT_LIMITS, scanInput } from './input-limits.js';

const limitOf = (input: unknown) => scanInput(input, 'body').breach?.limit;

describe('input shape limits', () => {
  it('passes ordinary bodies, including the largest lists and objects allowed', () => {
    expect(limitOf({ email: 'a@b.c', profile: { bio: 'x'.repeat(2000) }, tags: ['a', 'b'] })).toBeUndefined();
    expect(limitOf({ userIds: Array(INPUT_LIMITS.arrayLength).fill('665f1c2b9d3e4a0012345678') })).toBeUndefined();
    expect(limitOf(Object.fromEntries(Array.from({ length: INPUT_LIMITS.keysPerObject }, (_, i) => [`k${i}`, i])))).toBeUndefined();
    expect(limitOf(Buffer.alloc(100_000))).toBeUndefined();
  });

  it('names the first bound a hostile shape exceeds', () => {
    expect(limitOf(Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 1])))).toBe('keysPerObject');
    expect(limitOf({ list: Array(100_000).fill(0) })).toBe('arrayLength');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(limitOf(deep)).toBe('depth');
    const wide = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`o${i}`, Object.fromEntries(Array.from({ length: 60 }, (_, j) => [`k${j}`, j]))]),
    );
    expect(limitOf(wide)).toBe('keys');
    expect(limitOf(Array.from({ length: 20 }, () => Array(999).fill(1)))).toBe('values');
    expect(limitOf({ ['k'.repeat(INPUT_LIMITS.keyLength + 1)]: 1 })).toBe('keyLength');
  });

  it('reports where it stopped, clipped and printable', () => {
    const breach = scanInput({ items: [{ ok: 1 }, { list: Array(5000).fill(0) }] }, 'body').breach;
    expect(breach).toEqual({ limit: 'arrayLength', max: INPUT_LIMITS.arrayLength, field: 'body.items[1].list' });
  });

  it('collects field names with control characters, shown without them', () => {
    const { controlKeys } = scanInput({ metadata: { 'a\u0000b': 'x', ok: 'y', 'tab\tkey': 'z' } }, 'body');
    expect(controlKeys.map((error) => error.field).sort()).toEqual(['body.metadata.a\uFFFDb', 'body.metadata.tab\uFFFDkey']);
  });

  it('counts query parameters, repeats included', () => {
    const query = { a: Array(INPUT_LIMITS.parameters).fill('1'), b: '2' };
    expect(inputProblem(query, undefined)).toMatchObject({ extensions: { limit: 'parameters' } });
    expect(inputProblem({ a: '1', b: ['2', '3'] }, { ok: true })).toBeUndefined();
  });
});
