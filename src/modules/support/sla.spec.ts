import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { slaDueTimes, withinReopenWindow } from './sla.js';
import { SupportConfig } from './support.config.js';

const HOUR_MS = 3_600_000;
const openedAt = new Date('2026-03-02T09:00:00.000Z');

describe('SLA due times', () => {
  const defaults = readConfigSection(SupportConfig, {});

  it('counts first response and resolution from creation, per priority', () => {
    const hours = (priority: 'low' | 'normal' | 'high' | 'urgent') => {
      const due = slaDueTimes(priority, openedAt, defaults);
      return [
        (due.firstResponseDueAt.getTime() - openedAt.getTime()) / HOUR_MS,
        (due.resolutionDueAt.getTime() - openedAt.getTime()) / HOUR_MS,
      ];
    };
    expect(hours('low')).toEqual([48, 240]);
    expect(hours('normal')).toEqual([24, 120]);
    expect(hours('high')).toEqual([8, 48]);
    expect(hours('urgent')).toEqual([2, 8]);
  });

  it('reads the hours from the environment', () => {
    const config = readConfigSection(SupportConfig, {
      SUPPORT_SLA_FIRST_RESPONSE_HOURS_URGENT: '1',
      SUPPORT_SLA_RESOLUTION_HOURS_URGENT: '4',
    });
    expect(slaDueTimes('urgent', openedAt, config)).toEqual({
      firstResponseDueAt: new Date('2026-03-02T10:00:00.000Z'),
      resolutionDueAt: new Date('2026-03-02T13:00:00.000Z'),
    });
  });

  it('never makes a ticket due resolved before it is due answered', () => {
    const config = readConfigSection(SupportConfig, { SUPPORT_SLA_FIRST_RESPONSE_HOURS_LOW: '72', SUPPORT_SLA_RESOLUTION_HOURS_LOW: '24' });
    const due = slaDueTimes('low', openedAt, config);
    expect(due.resolutionDueAt).toEqual(due.firstResponseDueAt);
  });

  it('refuses an hour count out of bounds, naming the variable', () => {
    expect(() => readConfigSection(SupportConfig, { SUPPORT_SLA_RESOLUTION_HOURS_HIGH: '0' })).toThrow(/SUPPORT_SLA_RESOLUTION_HOURS_HIGH/);
    expect(() => readConfigSection(SupportConfig, { SUPPORT_REOPEN_WINDOW_DAYS: 'soon' })).toThrow(/SUPPORT_REOPEN_WINDOW_DAYS/);
  });
});

describe('the reopen window', () => {
  const resolvedAt = new Date('2026-03-10T12:00:00.000Z');
  const later = (days: number) => new Date(resolvedAt.getTime() + days * 24 * HOUR_MS);

  it('is open up to the configured days after resolution and closed after', () => {
    expect(withinReopenWindow(resolvedAt, later(0), 7)).toBe(true);
    expect(withinReopenWindow(resolvedAt, later(7), 7)).toBe(true);
    expect(withinReopenWindow(resolvedAt, later(7.001), 7)).toBe(false);
  });

  it('never opens with a window of 0 days, nor without a resolution time', () => {
    expect(withinReopenWindow(resolvedAt, resolvedAt, 0)).toBe(false);
    expect(withinReopenWindow(undefined, later(1), 7)).toBe(false);
  });
});
