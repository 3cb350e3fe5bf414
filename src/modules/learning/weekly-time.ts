/**
 * Weekly windows read in a user's IANA time zone. Offsets always come from Intl for the instant in question,
 * never from a fixed offset, so windows keep their wall-clock times across daylight-saving changes.
 */
import type { AvailabilitySlot, WeeklyAvailability } from './learning.types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** A half-open span of time [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

/** The Date range is ±8.64e15 ms; a window walk looks a day either side, so instants within that of the edge are refused. */
const MAX_INSTANT_MS = 8.64e15;
const validSpan = (instant: number) => Number.isFinite(instant) && Math.abs(instant) <= MAX_INSTANT_MS - 2 * DAY_MS;

/** A moment as a clock on the wall of a zone shows it. */
export type WallTime = { year: number; month: number; day: number; weekday: number; minuteOfDay: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (an IANA name such as "Europe/Berlin"). */
export function isTimeZone(timezone: unknown): timezone is string {
  if (typeof timezone !== 'string' || timezone.length === 0 || timezone.length > 64) return false;
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** "HH:mm" → minutes since midnight; "24:00" is the end of the day. */
export function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The wall clock of `instant` in `timezone`; minuteOfDay carries seconds and milliseconds as a fraction. */
export function wallTime(instant: number, timezone: string): WallTime {
  // Intl throws on an instant outside the Date range; a caller must never get that far, but refuse it plainly here.
  if (!Number.isFinite(instant) || Math.abs(instant) > MAX_INSTANT_MS) throw new RangeError(`not a representable instant: ${instant}`);
  const parts = Object.fromEntries(
    formatterFor(timezone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const seconds = Number(parts.second) + (((instant % 1000) + 1000) % 1000) / 1000;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday],
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) + seconds / 60,
  };
}

/** Milliseconds the zone's clock is ahead of UTC at `instant` (whole minutes, as every IANA offset since 1970 is). */
function offsetAt(instant: number, timezone: string): number {
  const wall = wallTime(instant, timezone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minuteOfDay * MINUTE_MS;
  return Math.round((asUtc - instant) / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a wall clock in `timezone` shows `minuteOfDay` on the given local date. A time the clocks skip
 * (spring forward) moves forward by the gap; a time they show twice (fall back) maps to one of its two instants.
 */
export function instantOf(year: number, month: number, day: number, minuteOfDay: number, timezone: string): number {
  const naive = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
  const first = naive - offsetAt(naive, timezone);
  const second = naive - offsetAt(first, timezone);
  if (first === second) return first;
  // The offset changed between the guesses: keep the earlier guess if it really shows this wall time, else the later.
  const [early, late] = first < second ? [first, second] : [second, first];
  return naive - offsetAt(early, timezone) === early ? early : late;
}

/** Whether [start, end) lies inside one weekly window, both ends read on the same local date in the owner's zone. */
export function fitsWindow(availability: WeeklyAvailability, start: number, end: number): boolean {
  if (!(end > start)) return false;
  const from = wallTime(start, availability.timezone);
  // The last instant inside the span, so an end exactly at midnight stays on the start's date (a window to 24:00).
  const to = wallTime(end - 1, availability.timezone);
  if (from.year !== to.year || from.month !== to.month || from.day !== to.day) return false;
  return availability.slots.some(
    (slot) => slot.day === from.weekday && from.minuteOfDay >= minutesOf(slot.start) && to.minuteOfDay < minutesOf(slot.end),
  );
}

/** The weekly windows as UTC intervals overlapping [from, to), clipped to it, in time order. */
export function windowsWithin(availability: WeeklyAvailability, from: number, to: number): Interval[] {
  if (!(to > from) || !validSpan(from) || !validSpan(to)) return [];
  const intervals: Interval[] = [];
  // Walk local dates from a day before `from` to a day after `to`, so zones far from UTC lose no window at the edges.
  const first = wallTime(from - DAY_MS, availability.timezone);
  let date = Date.UTC(first.year, first.month - 1, first.day);
  const last = to + DAY_MS;
  for (let guard = 0; guard < 400; guard++, date += DAY_MS) {
    const local = new Date(date);
    const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
    if (instantOf(year, month, day, 0, availability.timezone) > last) break;
    for (const slot of availability.slots.filter((candidate) => candidate.day === local.getUTCDay())) {
      const start = Math.max(from, instantOf(year, month, day, minutesOf(slot.start), availability.timezone));
      const end = Math.min(to, instantOf(year, month, day, minutesOf(slot.end), availability.timezone));
      if (end > start) intervals.push({ start, end });
    }
  }
  return intervals.sort((a, b) => a.start - b.start);
}

/** Minutes that two sets of intervals share. */
export function overlapMinutes(left: readonly Interval[], right: readonly Interval[]): number {
  let shared = 0;
  for (const a of left)
    for (const b of right) {
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.end, b.end);
      if (end > start) shared += end - start;
    }
  return Math.round(shared / MINUTE_MS);
}

/** The first pair of slots on one day that overlap, or undefined; adjacent slots (one ends as the next starts) do not. */
export function overlappingSlots(slots: readonly AvailabilitySlot[]): [number, number] | undefined {
  for (let i = 0; i < slots.length; i++)
    for (let j = i + 1; j < slots.length; j++) {
      const [a, b] = [slots[i], slots[j]];
      if (a.day === b.day && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) return [i, j];
    }
  return undefined;
}
