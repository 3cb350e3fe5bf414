import { describe, expect, it } from 'vitest';
import { resolveRange } from './date-range.js';

describe('dashboard date ranges', () => {
  const now = new Date('2026-05-20T15:00:00Z');

  it('defaults to the last 30 days, today included', () => {
    const range = resolveRange({}, now);
    expect(range.from).toBe('2026-04-21');
    expect(range.to).toBe('2026-05-20');
    expect(range.days).toHaveLength(30);
    expect(range.end.toISOString()).toBe('2026-05-21T00:00:00.000Z');
  });

  it('refuses a reversed range, one over 366 days and an impossible date', () => {
    expect(() => resolveRange({ from: '2026-05-02', to: '2026-05-01' }, now)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => resolveRange({ from: '2024-01-01', to: '2025-01-01' }, now)).toThrow(expect.objectContaining({ status: 400 }));
    expect(resolveRange({ from: '2024-01-01', to: '2024-12-31' }, now).days).toHaveLength(366);
    expect(() => resolveRange({ from: '2026-02-30', to: '2026-03-01' }, now)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
