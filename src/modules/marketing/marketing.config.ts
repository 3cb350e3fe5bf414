import { IntSetting } from '../../core/config/config-section.js';

/** Marketing's slice of the environment. */
export class MarketingConfig {
  /** How long a confirmation link works (unsubscribe links never expire). */
  @IntSetting({ min: 1, max: 720 }) EMAIL_CAPTURE_CONFIRM_TTL_HOURS = 168;
}
