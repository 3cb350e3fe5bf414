import { IntSetting } from '../../core/config/config-section.js';

/** Limits of uploads and of the download links handed out for them. */
export class FilesConfig {
  /** The largest file any purpose accepts, in bytes (a purpose may accept less). */
  @IntSetting({ min: 1024, max: 1024 * 1024 * 1024 }) UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** How long a download link stays valid, in seconds. */
  @IntSetting({ min: 10, max: 7 * 24 * 3600 }) FILE_URL_TTL_SECONDS = 300;
}
