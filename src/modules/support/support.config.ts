import { IntSetting } from '../../core/config/config-section.js';

/** The support desk's slice of the environment: service levels, the reopen window and the contact form's limit. */
export class SupportConfig {
  /** Hours from a ticket's creation to the first staff reply, per priority. */
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_FIRST_RESPONSE_HOURS_LOW = 48;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_FIRST_RESPONSE_HOURS_NORMAL = 24;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_FIRST_RESPONSE_HOURS_HIGH = 8;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_FIRST_RESPONSE_HOURS_URGENT = 2;

  /** Hours from a ticket's creation to its resolution, per priority. */
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_RESOLUTION_HOURS_LOW = 240;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_RESOLUTION_HOURS_NORMAL = 120;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_RESOLUTION_HOURS_HIGH = 48;
  @IntSetting({ min: 1, max: 8760 }) SUPPORT_SLA_RESOLUTION_HOURS_URGENT = 8;

  /** Days after resolution during which the requester may reopen a ticket; 0 means never. */
  @IntSetting({ min: 0, max: 365 }) SUPPORT_REOPEN_WINDOW_DAYS = 7;

  /** Contact-form messages accepted per client address per hour, on top of the public rate limit. */
  @IntSetting({ min: 1, max: 100_000 }) SUPPORT_CONTACT_PER_HOUR = 10;
}
