import { IntSetting } from '../../core/config/config-section.js';

/** The webinars' slice of the environment. */
export class WebinarsConfig {
  /** Minutes before a webinar's start from which confirmed registrants may join it. */
  @IntSetting({ min: 0, max: 1440 }) WEBINAR_JOIN_OPENS_MINUTES = 15;

  /** Seconds between runs of the reminder job (24 h and 1 h before the start). */
  @IntSetting({ min: 10, max: 3600 }) WEBINAR_REMINDER_EVERY_SECONDS = 60;
}
