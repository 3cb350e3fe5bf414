import { describe, expect, it } from 'vitest';
import { minutesHeld, overlaps, priceOf, slotOf, slotProblem } from './session-rules.js';

const at = (time: string) => new Date(`2030-01-01T${time}:00Z`);
const slot = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('session overlap', () => {
  it('counts any shared minute as an overlap', () => {
    expect(overlaps(slot('10:00', '11:00'), slot('10:30', '11:30'))).toBe(true);
    expect(overlaps(slot('10:30', '11:30'), slot('10:00', '11:00'))).toBe(true);
    expect(overlaps(slot('10:00', '12:00'), slot('10:30', '11:00'))).toBe(true);
    expect(overlaps(slot('10:30', '11:00'), slot('10:00', '12:00'))).toBe(true);
    expect(overlaps(slot('10:00', '11:00'), slot('10:00', '11:00'))).toBe(true);
  });

  it('lets back-to-back sessions touch without overlapping', () => {
    expect(overlaps(slot('10:00', '11:00'), slot('11:00', '12:00'))).toBe(false);
    expect(overlaps(slot('11:00', '12:00'), slot('10:00', '11:00'))).toBe(false);
    expect(overlaps(slot('08:00', '09:00'), slot('10:00', '11:00'))).toBe(false);
  });
});

describe('session slot', () => {
  const now = at('09:00');

  it('builds the end from a duration when none is given', () => {
    expect(slotOf(at('10:00'), undefined, 45).end).toEqual(at('10:45'));
    expect(slotOf(at('10:00'), at('10:30'), undefined).end).toEqual(at('10:30'));
  });

  it('refuses past starts, too short and too long sessions, and accepts 15 to 240 minutes', () => {
    expect(slotProblem(slot('08:00', '08:30'), now)).toMatch(/future/);
    expect(slotProblem(slot('09:00', '09:30'), now)).toMatch(/future/);
    expect(slotProblem(slot('10:00', '10:14'), now)).toMatch(/between 15 and 240/);
    expect(slotProblem({ start: at('10:00'), end: new Date(at('14:00').getTime() + 60_000) }, now)).toMatch(/between/);
    expect(slotProblem(slot('11:00', '10:00'), now)).toMatch(/between/);
    expect(slotProblem({ start: at('10:00'), end: new Date(at('10:30').getTime() + 500) }, now)).toMatch(/whole number/);
    expect(slotProblem(slot('10:00', '10:15'), now)).toBeUndefined();
    expect(slotProblem(slot('10:00', '14:00'), now)).toBeUndefined();
  });
});

describe('session price', () => {
  it('is the hourly rate times the duration in integer minor units, rounded half up', () => {
    expect(priceOf({ amount: 6000, currency: 'EUR' }, 60)).toEqual({ amount: 6000, currency: 'EUR' });
    expect(priceOf({ amount: 6000, currency: 'eur' }, 90)).toEqual({ amount: 9000, currency: 'EUR' });
    expect(priceOf({ amount: 2501, currency: 'USD' }, 30)).toEqual({ amount: 1251, currency: 'USD' });
    expect(priceOf({ amount: 1000, currency: 'USD' }, 20)).toEqual({ amount: 333, currency: 'USD' });
    expect(priceOf({ amount: 999, currency: 'JPY' }, 45)).toEqual({ amount: 749, currency: 'JPY' });
  });

  it('is free without a rate or with a zero rate', () => {
    expect(priceOf(undefined, 60)).toEqual({ amount: 0, currency: 'USD' });
    expect(priceOf({ amount: 0, currency: 'GBP' }, 60)).toEqual({ amount: 0, currency: 'GBP' });
  });
});

describe('minutes held', () => {
  it('is the real start to the real end without pauses, and 0 when it never ran', () => {
    expect(minutesHeld(at('10:00'), at('11:00'), 10)).toBe(50);
    expect(minutesHeld(at('10:00'), at('10:05'), 30)).toBe(0);
    expect(minutesHeld(undefined, at('10:05'), 0)).toBe(0);
  });
});
