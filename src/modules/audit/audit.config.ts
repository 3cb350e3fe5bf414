import { IntSetting } from '../../core/config/config-section.js';
import { IsCronExpression } from '../../core/jobs/cron-schedule.js';

/** The audit log's slice of the environment: how long entries are kept and when the purge runs. */
export class AuditConfig {
  /** Entries older than this many days are removed (TTL index and the nightly purge); up to ten years. */
  @IntSetting({ min: 1, max: 3650 }) AUDIT_RETENTION_DAYS = 365;
  /** When the purge of expired entries runs (UTC), for servers without a TTL monitor and as a backstop. */
  @IsCronExpression() AUDIT_PURGE_CRON = '30 3 * * *';
}
