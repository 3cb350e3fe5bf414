import { CRON_TIME_ZONE, nextCronTime } from './cron-schedule.js';

/** How a job is scheduled: a fixed interval, or a wall-clock cron expression (UTC). */
export type JobSchedule = { everyMs: number } | { cron: string };

export function describeSchedule(schedule: JobSchedule): string {
  return 'cron' in schedule ? `cron ${schedule.cron} (${CRON_TIME_ZONE})` : `every ${schedule.everyMs} ms`;
}

/** When the next tick is due, the same on every instance. */
export function nextRunOf(schedule: JobSchedule, now = Date.now()): Date {
  if ('cron' in schedule) return new Date(nextCronTime(schedule.cron, now));
  return new Date((Math.floor(now / schedule.everyMs) + 1) * schedule.everyMs);
}
