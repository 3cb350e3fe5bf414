import { IntSetting } from '../../../core/config/config-section.js';

/** The sessions' jobs' slice of the environment: how often they run, and how late is a no-show. */
export class SessionJobsConfig {
  /** Seconds between runs of the reminder job (a day and 15 minutes before the start). */
  @IntSetting({ min: 10, max: 3600 }) SESSIONS_REMINDER_EVERY_SECONDS = 60;

  /** Seconds between runs of the no-show job. */
  @IntSetting({ min: 10, max: 3600 }) SESSIONS_NO_SHOW_EVERY_SECONDS = 60;

  /** Minutes after the booked start a session may still begin; past them, one that nobody started is a no-show. */
  @IntSetting({ min: 1, max: 1440 }) SESSIONS_NO_SHOW_GRACE_MINUTES = 15;
}
