import { describe, expect, it } from 'vitest';
import { findOperatorKeys } from './input-shape.guard.js';
import type { FieldError } from './problem.js';

const scan = (value: unknown) => {
  const errors: FieldError[] = [];
  findOperatorKeys(value, 'body', errors);
  return errors.map((error) => error.field);
};

describe('operator-key scan', () => {
  it('passes plain data, including $ and dots inside values', () => {
    expect(scan({ email: 'a.b@c.d', note: '$100', tags: ['x.y'], nested: { ok: true } })).toEqual([]);
  });

  it('finds operator keys at any depth, in objects and arrays', () => {
    expect(scan({ email: { $gt: '' } })).toEqual(['body.email.$gt']);
    expect(scan({ items: [{ ok: 1 }, { $where: 'sleep(1)' }] })).toEqual(['body.items[1].$where']);
    expect(scan({ 'profile.role': 'admin' })).toEqual(['body.profile.role']);
  });

  it('refuses absurd nesting instead of recursing without end', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = deep.child = {};
    expect(scan(root).length).toBe(1);
  });
});
