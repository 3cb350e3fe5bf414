import { describe, expect, it } from 'vitest';
import { defineLifecycle } from './lifecycle.js';
import { walkLifecycle } from './walk-lifecycle.js';

const lamp = defineLifecycle<'off' | 'on' | 'broken'>({
  resource: 'lamp',
  states: ['off', 'on', 'broken'],
  initial: 'off',
  moves: [
    { from: 'off', to: 'on', by: ['owner'] },
    { from: 'on', to: 'off', by: ['owner', 'system'] },
    { from: 'on', to: 'broken', by: ['system'] },
  ],
});

describe('lifecycle tables', () => {
  it('answers each (from, to, trigger) from the table alone', () => {
    const allowed = walkLifecycle(lamp)
      .filter((verdict) => verdict.allowed)
      .map(({ from, to, trigger }) => `${from}→${to} by ${trigger}`);
    expect(allowed).toEqual(['off→on by owner', 'on→off by owner', 'on→off by system', 'on→broken by system']);
    expect(walkLifecycle(lamp)).toHaveLength(3 * 3 * 4);
  });

  it('refuses a forbidden move with a 409 that names both states', () => {
    expect(() => lamp.assertMove('broken', 'on', 'owner')).toThrow(/cannot move from broken to on/);
    expect(() => lamp.assertMove('on', 'broken', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => lamp.assertMove('off', 'on', 'owner')).not.toThrow();
  });

  it('knows final and reachable states', () => {
    expect(lamp.isFinal('broken')).toBe(true);
    expect(lamp.isFinal('on')).toBe(false);
    expect([...lamp.reachable()].sort()).toEqual(['broken', 'off', 'on']);
  });

  it('refuses a table that names an unknown state', () => {
    expect(() =>
      defineLifecycle<'a' | 'b'>({ resource: 'x', states: ['a'] as never, initial: 'a', moves: [{ from: 'a', to: 'b', by: ['staff'] }] }),
    ).toThrow(/unknown state/);
  });
});
