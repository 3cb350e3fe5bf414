import { IntSetting } from '../../core/config/config-section.js';

/** Careers' slice of the environment: how long a follow-up link works and how much an export holds. */
export class CareersConfig {
  /** Days a mailed follow-up link lets the applicant read and act on their applications. */
  @IntSetting({ min: 1, max: 365 }) CAREERS_FOLLOW_UP_LINK_TTL_DAYS = 30;

  /** Follow-up links mailed to one address per hour, first submission included; more requests are answered but mail nothing. */
  @IntSetting({ min: 1, max: 1000 }) CAREERS_FOLLOW_UP_LINKS_PER_HOUR = 5;

  /** The most applications one export returns. */
  @IntSetting({ min: 1, max: 100_000 }) CAREERS_EXPORT_MAX_ROWS = 5000;

  /** The longest an offer may stay open, in days from when it is made. */
  @IntSetting({ min: 1, max: 365 }) CAREERS_OFFER_MAX_DAYS = 60;
}
