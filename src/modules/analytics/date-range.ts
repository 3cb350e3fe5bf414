import { ValidationProblem } from '../../core/http/problem.js';
import type { DateRangeQueryDto } from './dto/date-range.dto.js';
import { DAY_MS } from './storage/retained-collections.js';

/** The longest range a dashboard reads: a year and a day, so a leap year fits. */
export const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE_DAYS = 30;

export interface DayRange {
  from: string;
  to: string;
  /** The instants the range covers: from's midnight (UTC) up to, not including, the midnight after `to`. */
  start: Date;
  end: Date;
  days: string[];
}

const parseDay = (field: string, day: string): Date => {
  const at = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day)
    throw new ValidationProblem([{ field, message: `${field} is not a calendar date` }]);
  return at;
};

/** Whole UTC days, both ends included; a reversed or over-long range is a 400. */
export function resolveRange(query: DateRangeQueryDto, now = new Date()): DayRange {
  const end = query.to ? parseDay('to', query.to) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = query.from ? parseDay('from', query.from) : new Date(end.getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  if (start > end) throw new ValidationProblem([{ field: 'from', message: 'from must not be after to' }]);
  const count = Math.round((end.getTime() - start.getTime()) / DAY_MS) + 1;
  if (count > MAX_RANGE_DAYS) throw new ValidationProblem([{ field: 'from', message: `a range spans at most ${MAX_RANGE_DAYS} days` }]);
  const days = Array.from({ length: count }, (_, index) => new Date(start.getTime() + index * DAY_MS).toISOString().slice(0, 10));
  return { from: days[0], to: days.at(-1)!, start, end: new Date(end.getTime() + DAY_MS), days };
}
