import { describe, expect, it } from 'vitest';
import { NotificationSchema } from './notification.schema.js';
import { NotificationSettingsSchema } from './notification-settings.schema.js';
import { PushSubscriptionSchema } from './push-subscription.schema.js';

describe('notification index declarations', () => {
  it('expires notifications by TTL at their expiresAt', () => {
    expect(NotificationSchema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
  });

  it('backs every notification list filter and the cursor feed, newest first', () => {
    const keys = NotificationSchema.indexes().map(([key]) => key);
    expect(keys).toEqual(
      expect.arrayContaining([
        { userId: 1, createdAt: -1, _id: -1 },
        { userId: 1, read: 1, createdAt: -1 },
        { userId: 1, type: 1, createdAt: -1 },
        { userId: 1, priority: 1, createdAt: -1 },
      ]),
    );
  });

  it('finds due undispatched notifications and reads back one claim', () => {
    const indexes = NotificationSchema.indexes();
    expect(indexes.map(([key]) => key)).toContainEqual({ dispatchedAt: 1, scheduledFor: 1 });
    expect(indexes).toContainEqual([{ dispatchClaim: 1 }, expect.objectContaining({ sparse: true })]);
  });

  it('keeps one settings document per user and one subscription per push endpoint', () => {
    expect(NotificationSettingsSchema.indexes()).toContainEqual([{ userId: 1 }, expect.objectContaining({ unique: true })]);
    expect(PushSubscriptionSchema.indexes()).toContainEqual([{ endpoint: 1 }, expect.objectContaining({ unique: true })]);
    expect(PushSubscriptionSchema.indexes().map(([key]) => key)).toContainEqual({ userId: 1 });
  });
});
