/** Pure rules of booking: durations, overlaps, prices. Kept apart from the database so the unit specs hold them. */

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 240;
const MINUTE = 60_000;

export type Slot = { start: Date; end: Date };

/** Half-open intervals [start, end): a session ending at 10:00 does not overlap one starting at 10:00. */
export const overlaps = (a: Slot, b: Slot): boolean => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

export const minutesBetween = (start: Date, end: Date): number => Math.round((end.getTime() - start.getTime()) / MINUTE);

/** The slot a booking asks for: an explicit end, or the start plus a duration. */
export function slotOf(start: Date, end: Date | undefined, durationMinutes: number | undefined): Slot {
  return { start, end: end ?? new Date(start.getTime() + (durationMinutes ?? 0) * MINUTE) };
}

/** Why a slot cannot be booked as asked, or undefined when its length and position in time are fine. */
export function slotProblem(slot: Slot, now: Date): string | undefined {
  const minutes = (slot.end.getTime() - slot.start.getTime()) / MINUTE;
  if (slot.start.getTime() <= now.getTime()) return 'The session must start in the future.';
  if (!Number.isInteger(minutes)) return 'The session must last a whole number of minutes.';
  if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES)
    return `The session must last between ${MIN_DURATION_MINUTES} and ${MAX_DURATION_MINUTES} minutes.`;
  return undefined;
}

export type Price = { amount: number; currency: string };

/** Sessions with a teacher who has no rate cost nothing; the currency is then the platform's default. */
export const FREE_CURRENCY = 'USD';

/**
 * The price of `minutes` at an hourly rate in minor units, rounded half up to the minor unit
 * (30 minutes at 2501 → 1251), so the amount stays an integer whatever the duration.
 */
export function priceOf(rate: Price | undefined, minutes: number): Price {
  if (!rate || rate.amount <= 0) return { amount: 0, currency: rate?.currency ?? FREE_CURRENCY };
  return { amount: Math.floor((rate.amount * minutes + 30) / 60), currency: rate.currency.toUpperCase() };
}

/** Minutes a session took place: from the real start to the real end, without its pauses; never negative. */
export function minutesHeld(start: Date | undefined, end: Date | undefined, pausedMinutes: number): number {
  if (!start || !end) return 0;
  return Math.max(0, minutesBetween(start, end) - pausedMinutes);
}
