import type { LimitPeriod } from './feature-values.js';

export interface UsagePeriod {
  /** The first instant of the period (UTC); the counter of the period is keyed by it. */
  start: Date;
  /** The first instant after it; absent for a cap, which never resets. */
  resetsAt?: Date;
}

/** A cap's one everlasting period starts at the epoch, so its counter has a key like any other. */
const EVERLASTING = new Date(0);

/** The UTC period `now` falls in: calendar months and days, the same on every instance and time zone. */
export function usagePeriodOf(period: LimitPeriod, now: Date): UsagePeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case 'month':
      return { start: new Date(Date.UTC(year, month, 1)), resetsAt: new Date(Date.UTC(year, month + 1, 1)) };
    case 'day': {
      const day = now.getUTCDate();
      return { start: new Date(Date.UTC(year, month, day)), resetsAt: new Date(Date.UTC(year, month, day + 1)) };
    }
    case 'none':
      return { start: EVERLASTING };
  }
}

/** Whole seconds until the period ends, at least 1 (Retry-After never says "now" while still refusing). */
export const secondsUntil = (resetsAt: Date, now: Date): number => Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
