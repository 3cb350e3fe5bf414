import { describe, expect, it } from 'vitest';
import { callingHoursErrors, nextCallingTime, offsetAt, withinCallingHours, type CallingHours } from './calling-hours.js';

const OFFICE: CallingHours = { start: '09:00', end: '18:00' };
const WEEKDAYS_ONLY: CallingHours = { ...OFFICE, days: ['mon', 'tue', 'wed', 'thu', 'fri'] };
const next = (iso: string, zone: string, hours = OFFICE) => nextCallingTime(new Date(iso), zone, hours).toISOString();

describe('calling hours in the lead’s local time', () => {
  it('keeps a lead at 03:00 in Tokyo waiting until 09:00 Tokyo time the same day', () => {
    // 2026-03-10T18:00Z is 03:00 on 11 March in Tokyo (UTC+9, no DST).
    expect(withinCallingHours(new Date('2026-03-10T18:00:00Z'), 'Asia/Tokyo', OFFICE)).toBe(false);
    expect(next('2026-03-10T18:00:00Z', 'Asia/Tokyo')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('keeps a lead at 03:00 in New York waiting until 09:00 New York time (winter, UTC−5)', () => {
    expect(next('2026-01-15T08:00:00Z', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
  });

  it('calls at once inside the window, and treats the end as exclusive', () => {
    expect(next('2026-01-15T15:30:00Z', 'America/New_York')).toBe('2026-01-15T15:30:00.000Z');
    // 18:00 New York: closed, opens 09:00 the next day.
    expect(next('2026-01-15T23:00:00Z', 'America/New_York')).toBe('2026-01-16T14:00:00.000Z');
  });

  it('uses the offset in force on the day the window opens, across the spring-forward change', () => {
    // Sat 7 March 2026 19:00 EST; DST starts Sun 8 March at 02:00, so Sunday 09:00 is EDT (UTC−4).
    expect(next('2026-03-08T00:00:00Z', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    // 03:00 EDT on the change day itself (07:00Z): 09:00 EDT the same morning.
    expect(next('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
  });

  it('uses the offset in force on the day the window opens, across the fall-back change', () => {
    // Sat 31 October 2026 20:00 EDT; DST ends Sun 1 November at 02:00, so Sunday 09:00 is EST (UTC−5).
    expect(next('2026-11-01T00:00:00Z', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('skips days of the week the batch does not call on', () => {
    // Friday 16 January 2026, 19:00 in New York: next weekday opening is Monday 19 January, 09:00 EST.
    expect(next('2026-01-17T00:00:00Z', 'America/New_York', WEEKDAYS_ONLY)).toBe('2026-01-19T14:00:00.000Z');
    // Saturday 10:00 in Tokyo, within the hours but not on an allowed day: Monday 09:00 Tokyo.
    expect(next('2026-01-17T01:00:00Z', 'Asia/Tokyo', WEEKDAYS_ONLY)).toBe('2026-01-19T00:00:00.000Z');
    // The weekday is the lead's: Friday 23:00 UTC is already Saturday in Tokyo.
    expect(withinCallingHours(new Date('2026-01-16T23:30:00Z'), 'Asia/Tokyo', { start: '00:00', end: '23:59', days: ['fri'] })).toBe(false);
  });

  it('reads zone offsets with DST', () => {
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * 3600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3600_000);
  });

  it('reads an unknown zone as UTC instead of failing the batch', () => {
    expect(next('2026-01-15T03:00:00Z', 'Not/AZone')).toBe('2026-01-15T09:00:00.000Z');
  });

  it('refuses a window that does not end after it starts', () => {
    expect(callingHoursErrors(OFFICE)).toEqual([]);
    expect(callingHoursErrors({ start: '18:00', end: '09:00' })).toHaveLength(1);
    expect(callingHoursErrors({ start: '09:00', end: '09:00' })).toHaveLength(1);
    expect(callingHoursErrors({ start: '9:00', end: '18:00' })).toHaveLength(1);
  });
});
