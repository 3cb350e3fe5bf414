import { describe, expect, it } from 'vitest';
import { secondsUntil, usagePeriodOf } from './usage-periods.js';

const at = (iso: string) => new Date(iso);

describe('usage periods (UTC)', () => {
  it('runs a monthly period from the first of the month to the first of the next', () => {
    expect(usagePeriodOf('month', at('2026-03-15T12:34:56.789Z'))).toEqual({
      start: at('2026-03-01T00:00:00.000Z'),
      resetsAt: at('2026-04-01T00:00:00.000Z'),
    });
  });

  it('puts the first and the last millisecond of a month in that month', () => {
    expect(usagePeriodOf('month', at('2026-03-01T00:00:00.000Z')).start).toEqual(at('2026-03-01T00:00:00.000Z'));
    expect(usagePeriodOf('month', at('2026-03-31T23:59:59.999Z')).resetsAt).toEqual(at('2026-04-01T00:00:00.000Z'));
  });

  it('rolls December over into January of the next year, and knows February of a leap year', () => {
    expect(usagePeriodOf('month', at('2026-12-31T23:00:00.000Z'))).toEqual({
      start: at('2026-12-01T00:00:00.000Z'),
      resetsAt: at('2027-01-01T00:00:00.000Z'),
    });
    expect(usagePeriodOf('month', at('2028-02-29T10:00:00.000Z')).resetsAt).toEqual(at('2028-03-01T00:00:00.000Z'));
  });

  it('runs a daily period from midnight UTC to the next midnight, across month and year ends', () => {
    expect(usagePeriodOf('day', at('2026-03-15T23:59:59.999Z'))).toEqual({
      start: at('2026-03-15T00:00:00.000Z'),
      resetsAt: at('2026-03-16T00:00:00.000Z'),
    });
    expect(usagePeriodOf('day', at('2026-12-31T05:00:00.000Z')).resetsAt).toEqual(at('2027-01-01T00:00:00.000Z'));
    expect(usagePeriodOf('day', at('2026-03-16T00:00:00.000Z')).start).toEqual(at('2026-03-16T00:00:00.000Z'));
  });

  it('keeps a cap in one period that never resets', () => {
    const period = usagePeriodOf('none', at('2026-03-15T12:00:00.000Z'));
    expect(period.start).toEqual(new Date(0));
    expect(period.resetsAt).toBeUndefined();
  });

  it('tells the whole seconds left, never zero', () => {
    const now = at('2026-03-31T23:59:58.200Z');
    expect(secondsUntil(at('2026-04-01T00:00:00.000Z'), now)).toBe(2);
    expect(secondsUntil(now, now)).toBe(1);
  });
});
