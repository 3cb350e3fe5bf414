import { IntSetting } from '../../core/config/config-section.js';

/** The entitlements context's slice of the environment. */
export class EntitlementsConfig {
  /**
   * How long an instance keeps plans, features and plan values in memory before reading them again
   * (admin changes made on another instance show within this time; overrides are never cached).
   */
  @IntSetting({ min: 0, max: 60_000 }) ENTITLEMENTS_CACHE_MS = 5_000;

  /** Units one metering call may consume at most. */
  @IntSetting({ min: 1, max: 1_000_000 }) ENTITLEMENTS_MAX_UNITS_PER_CALL = 10_000;

  /** Days an expired override is kept (for support's questions) before the cleanup job removes it. */
  @IntSetting({ min: 0, max: 3650 }) ENTITLEMENTS_EXPIRED_OVERRIDE_RETENTION_DAYS = 30;

  /** Days a finished period's usage counter is kept (usage history) before the cleanup job removes it. */
  @IntSetting({ min: 1, max: 3650 }) ENTITLEMENTS_USAGE_RETENTION_DAYS = 400;
}
