import { CronTime, validateCronExpression } from 'cron';
import { registerDecorator } from 'class-validator';

/** Wall-clock jobs run on UTC, so instances in different zones fire the same occurrence. */
export const CRON_TIME_ZONE = 'UTC';

// Widening look-backs: a fire is found in the first for every-second jobs and in the fourth for nightly ones.
const LOOK_BACKS_MS = [1_000, 60_000, 3_600_000, 86_400_000, 32 * 86_400_000, 367 * 86_400_000, 8 * 366 * 86_400_000];

const nextAfter = (time: CronTime, at: number): number => time.getNextDateFrom(new Date(at), CRON_TIME_ZONE).toMillis();

/**
 * The scheduled time (ms) of the occurrence a timer firing at `at` belongs to: the latest occurrence at or
 * before it. A timer never fires before its occurrence, only late, so every instance answers the same
 * number for the same occurrence however late its timer ran; that number is the tick the instances claim.
 */
export function cronFireTime(expression: string, at: number): number {
  const time = new CronTime(expression, CRON_TIME_ZONE);
  for (const lookBack of LOOK_BACKS_MS) {
    let latest: number | undefined;
    for (let next = nextAfter(time, at - lookBack); next <= at; next = nextAfter(time, next)) latest = next;
    if (latest !== undefined) return latest;
  }
  throw new Error(`cron expression "${expression}" had no occurrence in the last 8 years`);
}

/** The first occurrence after `at` (ms). */
export function nextCronTime(expression: string, at: number): number {
  return nextAfter(new CronTime(expression, CRON_TIME_ZONE), at);
}

/** Whether `expression` is one the scheduler accepts (five fields, or six with seconds first). */
export function isCronExpression(expression: unknown): boolean {
  if (typeof expression !== 'string' || !validateCronExpression(expression).valid) return false;
  try {
    nextCronTime(expression, Date.now());
    return true;
  } catch {
    // Parses, but never occurs (30 February).
    return false;
  }
}

/** A configuration variable holding a cron expression, checked when the module starts. */
export function IsCronExpression(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a cron expression such as "0 3 * * *" (minute hour day month weekday, UTC)' },
      validator: { validate: isCronExpression },
    });
}
