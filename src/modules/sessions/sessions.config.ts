import { IsIn, Matches } from 'class-validator';
import { IntSetting } from '../../core/config/config-section.js';

/** The sessions' slice of the environment. */
export class SessionsConfig {
  /** Minutes before the booked start from which the teacher may start the session. */
  @IntSetting({ min: 0, max: 240 }) SESSIONS_START_EARLY_MINUTES = 10;

  /** Minutes before the booked start from which participants are handed the room (until the booked end). */
  @IntSetting({ min: 0, max: 1440 }) SESSIONS_JOIN_OPENS_MINUTES = 15;

  /** Which video rooms sessions get: `embedded` builds links on SESSIONS_VIDEO_BASE_URL itself. */
  @IsIn(['embedded'])
  SESSIONS_VIDEO_PROVIDER = 'embedded' as const;

  /** Base URL the embedded rooms' join links are built on. */
  @Matches(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, { message: 'must be a base URL such as https://meet.example.com' })
  SESSIONS_VIDEO_BASE_URL = 'https://meet.atrium.local';
}
