import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../../core/config/config-section.js';
import { NotificationsConfig } from './notifications.config.js';

describe('the notifications section of the environment', () => {
  it('keeps the names and defaults the core environment had', () => {
    expect(readConfigSection(NotificationsConfig, { VAPID_PUBLIC_KEY: 'public' })).toEqual({
      NOTIFICATION_RETENTION_READ_DAYS: 30,
      NOTIFICATION_RETENTION_UNREAD_DAYS: 90,
      NOTIFICATION_CLEANUP_INTERVAL_MS: 60_000,
      VAPID_PUBLIC_KEY: 'public',
      VAPID_PRIVATE_KEY: undefined,
      VAPID_SUBJECT: 'mailto:admin@atrium.local',
    });
  });

  it('stops the start with one line naming a bad variable', () => {
    expect(() => readConfigSection(NotificationsConfig, { NOTIFICATION_RETENTION_READ_DAYS: 'soon' })).toThrow(
      /NOTIFICATION_RETENTION_READ_DAYS must be an integer/,
    );
  });
});
