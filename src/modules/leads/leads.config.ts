import { Matches } from 'class-validator';
import { IntSetting } from '../../core/config/config-section.js';

/** The leads' slice of the environment. */
export class LeadsConfig {
  /** Country (ISO 3166-1 alpha-2) a number written without its international prefix is read in, when none is given. */
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as US' })
  LEADS_DEFAULT_COUNTRY = 'US';

  /** Rows one bulk-write round trip of an import carries. */
  @IntSetting({ min: 100, max: 5000 }) LEADS_IMPORT_CHUNK = 1000;
}
