import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../config/config-section.js';
import { cronFireTime, IsCronExpression, isCronExpression, nextCronTime } from './cron-schedule.js';
import { describeSchedule, nextRunOf } from './job-schedule.js';

const at = (iso: string) => Date.parse(iso);

describe('the tick of a cron job', () => {
  it('is the scheduled time of the occurrence, whenever after it the timer fired', () => {
    const threeAm = at('2026-03-10T03:00:00.000Z');
    for (const firedAt of ['2026-03-10T03:00:00.000Z', '2026-03-10T03:00:00.004Z', '2026-03-10T03:00:01.250Z', '2026-03-10T07:45:00Z']) {
      expect(cronFireTime('0 3 * * *', at(firedAt))).toBe(threeAm);
    }
  });

  it('is the same on instances whose timers fired a few milliseconds apart', () => {
    const ticks = [3, 17, 240, 999].map((lag) => cronFireTime('* * * * * *', at('2026-03-10T12:00:05.000Z') + lag));
    expect(new Set(ticks)).toEqual(new Set([at('2026-03-10T12:00:05.000Z')]));
  });

  it('differs from one occurrence to the next', () => {
    const first = cronFireTime('* * * * * *', at('2026-03-10T12:00:05.010Z'));
    const second = cronFireTime('* * * * * *', at('2026-03-10T12:00:06.010Z'));
    expect(second - first).toBe(1000);
    expect(cronFireTime('0 3 * * *', at('2026-03-11T03:00:00.020Z')) - cronFireTime('0 3 * * *', at('2026-03-10T03:00:00.020Z'))).toBe(
      86_400_000,
    );
  });

  it('reads the expression in UTC, whatever the process time zone', () => {
    expect(cronFireTime('30 2 * * *', at('2026-07-01T02:30:00.100Z'))).toBe(at('2026-07-01T02:30:00Z'));
    expect(nextCronTime('30 2 * * *', at('2026-07-01T02:30:00.100Z'))).toBe(at('2026-07-02T02:30:00Z'));
  });

  it('finds occurrences far back: monthly and yearly schedules', () => {
    expect(cronFireTime('0 0 1 * *', at('2026-03-20T10:00:00Z'))).toBe(at('2026-03-01T00:00:00Z'));
    expect(cronFireTime('0 0 1 1 *', at('2026-11-20T10:00:00Z'))).toBe(at('2026-01-01T00:00:00Z'));
  });
});

describe('cron expressions in the configuration', () => {
  class Section {
    @IsCronExpression() SOME_CRON = '0 3 * * *';
  }

  it('accepts five fields, six with seconds, and presets', () => {
    for (const expression of ['0 3 * * *', '* * * * * *', '*/15 * * * *', '0 0 * * 1-5', '@daily']) {
      expect(isCronExpression(expression), expression).toBe(true);
    }
  });

  it('refuses what is not one, or never occurs', () => {
    for (const expression of ['', 'nightly', '61 * * * *', '* * *', '0 0 30 2 *', '* * * * * * * *']) {
      expect(isCronExpression(expression), expression).toBe(false);
    }
  });

  it('stops the start with one line naming the variable', () => {
    expect(readConfigSection(Section, {})).toEqual({ SOME_CRON: '0 3 * * *' });
    expect(() => readConfigSection(Section, { SOME_CRON: '0 25 * * *' })).toThrow(
      'Invalid environment: SOME_CRON must be a cron expression such as "0 3 * * *" (minute hour day month weekday, UTC)',
    );
  });
});

describe('how GET /api/admin/jobs states a schedule', () => {
  it('names the interval or the expression, and the next run every instance agrees on', () => {
    expect(describeSchedule({ everyMs: 5000 })).toBe('every 5000 ms');
    expect(describeSchedule({ cron: '0 3 * * *' })).toBe('cron 0 3 * * * (UTC)');
    expect(nextRunOf({ everyMs: 5000 }, at('2026-03-10T12:00:01Z')).toISOString()).toBe('2026-03-10T12:00:05.000Z');
    expect(nextRunOf({ cron: '0 3 * * *' }, at('2026-03-10T12:00:01Z')).toISOString()).toBe('2026-03-11T03:00:00.000Z');
  });
});
