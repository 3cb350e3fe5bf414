import { IsOptional, IsString } from 'class-validator';
import { IntSetting } from '../../core/config/config-section.js';

/** The notifications module's slice of the environment: retention, the cleanup cadence, Web Push keys. */
export class NotificationsConfig {
  /** Days a read notification is kept. */
  @IntSetting({ min: 1 }) NOTIFICATION_RETENTION_READ_DAYS = 30;
  /** Days an unread notification is kept. */
  @IntSetting({ min: 1 }) NOTIFICATION_RETENTION_UNREAD_DAYS = 90;
  @IntSetting({ min: 100 }) NOTIFICATION_CLEANUP_INTERVAL_MS = 60_000;

  /** Web Push (VAPID) keys; unset, pushes are logged instead of sent. Production checks the private key (core/config/production-secrets.ts). */
  @IsOptional() @IsString() VAPID_PUBLIC_KEY?: string = undefined;
  @IsOptional() @IsString() VAPID_PRIVATE_KEY?: string = undefined;
  @IsString() VAPID_SUBJECT = 'mailto:admin@atrium.local';
}
