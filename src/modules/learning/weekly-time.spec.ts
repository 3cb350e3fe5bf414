import { describe, expect, it } from 'vitest';
import { fitsWindow, instantOf, isTimeZone, overlapMinutes, overlappingSlots, wallTime, windowsWithin } from './weekly-time.js';

const at = (iso: string) => Date.parse(iso);
const berlinSunday = { timezone: 'Europe/Berlin', slots: [{ day: 0, start: '01:00', end: '05:00' }] };

describe('weekly windows in a time zone', () => {
  it('reads a span across the spring-forward change by the wall clock of each end, not by a fixed offset', () => {
    // 29 March 2026, Berlin: 02:00 CET jumps to 03:00 CEST. 00:30Z is 01:30 CET, 02:30Z is 04:30 CEST.
    expect(fitsWindow(berlinSunday, at('2026-03-29T00:30:00Z'), at('2026-03-29T02:30:00Z'))).toBe(true);
    // 01:30Z–03:30Z reads 03:30–05:30 CEST: past the window's end, though a fixed +1 h would have said 04:30.
    expect(fitsWindow(berlinSunday, at('2026-03-29T01:30:00Z'), at('2026-03-29T03:30:00Z'))).toBe(false);
    // The same wall-clock window a week earlier (still CET) starts an hour later in UTC.
    expect(fitsWindow(berlinSunday, at('2026-03-22T00:00:00Z'), at('2026-03-22T01:00:00Z'))).toBe(true);
    expect(fitsWindow(berlinSunday, at('2026-03-21T23:30:00Z'), at('2026-03-22T00:30:00Z'))).toBe(false);
  });

  it('gives a window across a daylight-saving change its real length in UTC', () => {
    const window = { timezone: 'Europe/Berlin', slots: [{ day: 0, start: '01:00', end: '04:00' }] };
    // Spring: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) is two real hours.
    expect(windowsWithin(window, at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toEqual([
      { start: at('2026-03-29T00:00:00Z'), end: at('2026-03-29T02:00:00Z') },
    ]);
    // Autumn: 01:00 CEST (23:00Z the day before) to 04:00 CET (03:00Z) is four real hours.
    expect(windowsWithin(window, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toEqual([
      { start: at('2026-10-24T23:00:00Z'), end: at('2026-10-25T03:00:00Z') },
    ]);
  });

  it('finds a window on the next local day when UTC is still on the day before', () => {
    // Tokyo is UTC+9: Monday 23:00Z is Tuesday 08:00 there.
    const tokyo = { timezone: 'Asia/Tokyo', slots: [{ day: 2, start: '08:00', end: '10:00' }] };
    expect(fitsWindow(tokyo, at('2026-12-07T23:00:00Z'), at('2026-12-08T00:30:00Z'))).toBe(true);
    expect(fitsWindow(tokyo, at('2026-12-08T23:00:00Z'), at('2026-12-09T00:30:00Z'))).toBe(false);
    // Los Angeles is UTC−8 in December: Monday 18:00 there is Tuesday 02:00Z.
    const angeles = { timezone: 'America/Los_Angeles', slots: [{ day: 1, start: '18:00', end: '20:00' }] };
    expect(fitsWindow(angeles, at('2026-12-08T02:00:00Z'), at('2026-12-08T03:00:00Z'))).toBe(true);
    expect(fitsWindow(angeles, at('2026-12-07T02:00:00Z'), at('2026-12-07T03:00:00Z'))).toBe(false);
  });

  it('lets a window run to midnight, refuses a span over two windows and an empty span', () => {
    const evening = {
      timezone: 'UTC',
      slots: [
        { day: 5, start: '20:00', end: '22:00' },
        { day: 5, start: '22:00', end: '24:00' },
      ],
    };
    expect(fitsWindow(evening, at('2026-12-11T23:00:00Z'), at('2026-12-12T00:00:00Z'))).toBe(true);
    expect(fitsWindow(evening, at('2026-12-11T21:30:00Z'), at('2026-12-11T22:30:00Z'))).toBe(false);
    expect(fitsWindow(evening, at('2026-12-11T21:00:00Z'), at('2026-12-11T21:00:00Z'))).toBe(false);
    expect(fitsWindow(evening, at('2026-12-11T23:30:00Z'), at('2026-12-12T00:00:01Z'))).toBe(false);
  });

  it('maps a wall time the clocks skip forward by the gap, and reads wall clocks with their weekday', () => {
    expect(new Date(instantOf(2026, 3, 29, 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantOf(2026, 7, 1, 600, 'Europe/Berlin')).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTime(at('2026-12-07T23:00:00Z'), 'Asia/Tokyo')).toEqual({ year: 2026, month: 12, day: 8, weekday: 2, minuteOfDay: 480 });
  });

  it('counts the minutes two sets of intervals share', () => {
    const hour = 3_600_000;
    expect(overlapMinutes([{ start: 0, end: 2 * hour }], [{ start: hour, end: 3 * hour }])).toBe(60);
    expect(overlapMinutes([{ start: 0, end: hour }], [{ start: hour, end: 2 * hour }])).toBe(0);
    expect(
      overlapMinutes(
        [
          { start: 0, end: hour },
          { start: 2 * hour, end: 4 * hour },
        ],
        [{ start: 0, end: 3 * hour }],
      ),
    ).toBe(120);
  });

  it('knows time zones through Intl and finds overlapping slots, letting adjacent ones touch', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(
      overlappingSlots([
        { day: 1, start: '09:00', end: '10:00' },
        { day: 1, start: '10:00', end: '11:00' },
        { day: 2, start: '09:30', end: '10:30' },
      ]),
    ).toBeUndefined();
    expect(
      overlappingSlots([
        { day: 1, start: '09:00', end: '10:00' },
        { day: 2, start: '09:00', end: '12:00' },
        { day: 2, start: '11:59', end: '13:00' },
      ]),
    ).toEqual([1, 2]);
  });
});

describe('instants outside the Date range', () => {
  it('yield no windows and refuse a wall-clock reading, rather than reaching Intl with an invalid Date', () => {
    const weekly = { timezone: 'Europe/Berlin', slots: [{ day: 1, start: '09:00', end: '12:00' }] };
    expect(windowsWithin(weekly, 8.64e15 - 86_400_000, 8.64e15)).toEqual([]);
    expect(windowsWithin(weekly, -8.64e15, -8.64e15 + 7 * 86_400_000)).toEqual([]);
    expect(windowsWithin(weekly, Number.NaN, 0)).toEqual([]);
    expect(() => wallTime(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});
