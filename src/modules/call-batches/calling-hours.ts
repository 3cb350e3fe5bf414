/** Days of the week as calling hours name them (ISO order, Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When a batch may ring a lead, in the lead's own local time: `start` ≤ local time < `end`, on `days` (every day when absent). */
export interface CallingHours {
  /** `HH:mm`, 24-hour. */
  start: string;
  /** `HH:mm`, 24-hour, after `start`: a window does not span midnight. */
  end: string;
  days?: readonly Weekday[];
}

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone; an unknown zone is read as UTC rather than stopping the batch. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      formatter = formatterFor('UTC');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsAt(instant: number, timeZone: string): LocalParts & { second: number; hour: number; minute: number } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour,
    minute,
    second: Number(parts.second),
    minutes: hour * 60 + minute,
    weekday: parts.weekday.slice(0, 3).toLowerCase() as Weekday,
  };
}

/** The zone's offset from UTC at an instant, in ms (Tokyo +9 h; New York −5 h or −4 h by DST). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = partsAt(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall time happens in a zone. The offset is read at the first guess and again at the
 * result, so a time just after a DST change gets the offset in force then; a wall time the change skips
 * (02:30 on a spring-forward night) lands an hour later, when the clocks show it again.
 */
export function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a lead whose clock is in `timeZone` may be called at `at`. */
export function withinCallingHours(at: Date, timeZone: string, hours: CallingHours): boolean {
  const local = partsAt(at.getTime(), timeZone);
  const days = hours.days?.length ? hours.days : WEEKDAYS;
  return days.includes(local.weekday) && local.minutes >= minutesOf(hours.start) && local.minutes < minutesOf(hours.end);
}

/**
 * When the lead may next be called: `at` itself inside the window, else the next opening (`start` on the next
 * allowed day, in the lead's local time, DST included). A lead at 03:00 local with 09:00–18:00 waits until
 * 09:00 the same day; one at 19:00 until 09:00 the next allowed day.
 */
export function nextCallingTime(at: Date, timeZone: string, hours: CallingHours): Date {
  if (withinCallingHours(at, timeZone, hours)) return at;
  const now = at.getTime();
  const days = hours.days?.length ? hours.days : WEEKDAYS;
  const start = minutesOf(hours.start);
  const today = partsAt(now, timeZone);
  // Walk local calendar days from today; eight covers a week with one allowed day that is today, already past.
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + offset * DAY_MS);
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7];
    if (!days.includes(weekday)) continue;
    const opening = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), start, timeZone);
    if (opening > now) return new Date(opening);
  }
  // Unreachable with at least one allowed day; a week later keeps the item waiting rather than calling.
  return new Date(now + 7 * DAY_MS);
}

/** Refusals of a calling-hours input, as field messages (empty when valid). */
export function callingHoursErrors(hours: CallingHours): string[] {
  if (!HH_MM.test(hours.start) || !HH_MM.test(hours.end)) return ['start and end must be HH:mm'];
  return minutesOf(hours.end) > minutesOf(hours.start) ? [] : ['end must be after start (a window does not span midnight)'];
}
