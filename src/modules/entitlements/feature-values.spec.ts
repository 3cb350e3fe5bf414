import { describe, expect, it } from 'vitest';
import { FEATURE_KEY, grants, MAX_LIMIT, valueProblem } from './feature-values.js';

describe('feature values per type', () => {
  it('accepts only true/false for a boolean feature', () => {
    expect(valueProblem('boolean', true)).toBeUndefined();
    expect(valueProblem('boolean', false)).toBeUndefined();
    for (const bad of [1, 0, 'true', null, undefined, {}]) expect(valueProblem('boolean', bad)).toMatch(/true or false/);
  });

  it('accepts only whole non-negative counts for a limit', () => {
    for (const good of [0, 1, 2000, MAX_LIMIT]) expect(valueProblem('limit', good)).toBeUndefined();
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_LIMIT + 1, true, '10', null])
      expect(valueProblem('limit', bad)).toMatch(/whole number/);
  });

  it('accepts a boolean or a whole quantity for an add-on', () => {
    for (const good of [true, false, 0, 3]) expect(valueProblem('addon', good)).toBeUndefined();
    for (const bad of [-2, 0.5, 'yes', null]) expect(valueProblem('addon', bad)).toMatch(/add-on/);
  });

  it('grants a feature only when the value turns it on', () => {
    expect(grants('boolean', true)).toBe(true);
    expect(grants('boolean', false)).toBe(false);
    expect(grants('limit', 0)).toBe(false);
    expect(grants('limit', 10)).toBe(true);
    expect(grants('addon', true)).toBe(true);
    expect(grants('addon', 0)).toBe(false);
  });

  it('names features in lower case with dots and dashes, 2 to 64 characters', () => {
    for (const good of ['audit-log', 'ai.generations', 'seats', 'v2']) expect(FEATURE_KEY.test(good)).toBe(true);
    for (const bad of ['A', 'a', '1seats', 'audit_log', 'Audit-log', 'x'.repeat(65), 'seats!']) expect(FEATURE_KEY.test(bad)).toBe(false);
  });
});
