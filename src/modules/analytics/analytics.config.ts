import { IntSetting } from '../../core/config/config-section.js';
import { IsCronExpression } from '../../core/jobs/cron-schedule.js';

/** Analytics' slice of the environment: retention, the visit timeout, event age and the usage flush. */
export class AnalyticsConfig {
  /** Tracked data older than this many days is removed (TTL or time-series expiry, and the nightly purge). */
  @IntSetting({ min: 1, max: 3650 }) ANALYTICS_RETENTION_DAYS = 400;
  /** When the purge of expired tracking data runs (UTC), for servers without a TTL monitor and as a backstop. */
  @IsCronExpression() ANALYTICS_PURGE_CRON = '45 3 * * *';
  /** A page view this many minutes after the visitor's last one starts a new visit. */
  @IntSetting({ min: 1, max: 1440 }) ANALYTICS_VISIT_TIMEOUT_MINUTES = 30;
  /** Events stamped longer ago than this are refused (counted, not stored): offline queues flushed late. */
  @IntSetting({ min: 1, max: 8760 }) ANALYTICS_EVENT_MAX_AGE_HOURS = 72;
  /** How often buffered API usage records are written. */
  @IntSetting({ min: 100, max: 60_000 }) ANALYTICS_API_USAGE_FLUSH_MS = 1000;
}
