import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON', () => {
  it('is the same for the same fields in any order, at every depth', () => {
    const a = { amount: 100, currency: 'EUR', billingDetails: { name: 'Ada', city: 'Berlin' }, lines: [{ b: 1, a: 2 }] };
    const b = { lines: [{ a: 2, b: 1 }], billingDetails: { city: 'Berlin', name: 'Ada' }, currency: 'EUR', amount: 100 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(b)).toBe(
      '{"amount":100,"billingDetails":{"city":"Berlin","name":"Ada"},"currency":"EUR","lines":[{"a":2,"b":1}]}',
    );
  });

  it('differs when a value, a field or the order of an array differs', () => {
    const base = canonicalJson({ amount: 100, tags: ['a', 'b'] });
    expect(canonicalJson({ amount: 101, tags: ['a', 'b'] })).not.toBe(base);
    expect(canonicalJson({ amount: 100, tags: ['b', 'a'] })).not.toBe(base);
    expect(canonicalJson({ amount: 100, tags: ['a', 'b'], extra: null })).not.toBe(base);
    expect(canonicalJson({ amount: '100', tags: ['a', 'b'] })).not.toBe(base);
  });

  it('follows JSON.stringify for primitives, undefined and dates', () => {
    for (const value of [null, 42, 'text', true, [1, 'two', null]]) expect(canonicalJson(value)).toBe(JSON.stringify(value));
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });

  it('keeps fields that only look special', () => {
    expect(canonicalJson(JSON.parse('{"constructor":2,"__proto__":{"b":1,"a":0}}'))).toBe('{"__proto__":{"a":0,"b":1},"constructor":2}');
  });
});
