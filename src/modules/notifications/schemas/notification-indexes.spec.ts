import { describe, expect, it } from 'vitest';
import { PresenceSchema } from '../../presence/presence.schema.js';
import { QueuedEmailSchema } from './email-queue.schema.js';
import { NotificationSchema } from './notification.schema.js';
import { NotificationSettingsSchema } from './notification-settings.schema.js';
import { PushSubscriptionSchema } from './push-subscription.schema.js';

describe('notification index declarations', () => {
  it('expires notifications and presence by TTL at their expiresAt', () => {
    expect(NotificationSchema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
    expect(PresenceSchema.indexes()).toContainEqual([{ expiresAt: 1 }, expect.objectContaining({ expireAfterSeconds: 0 })]);
  });

  it('backs every notification list filter', () => {
    const keys = NotificationSchema.indexes().map(([key]) => key);
    expect(keys).toEqual(
      expect.arrayContaining([
        { userId: 1, scheduledFor: -1, _id: -1 },
        { userId: 1, read: 1, scheduledFor: -1 },
        { userId: 1, type: 1, scheduledFor: -1 },
        { userId: 1, priority: 1, scheduledFor: -1 },
      ]),
    );
  });

  it('queues an email once per idempotency key and claims by status, priority and due time', () => {
    expect(QueuedEmailSchema.indexes()).toContainEqual([{ idempotencyKey: 1 }, expect.objectContaining({ unique: true })]);
    expect(QueuedEmailSchema.indexes().map(([key]) => key)).toContainEqual({ status: 1, priority: -1, nextAttemptAt: 1 });
  });

  it('keeps one settings document per user and one subscription per push endpoint', () => {
    expect(NotificationSettingsSchema.indexes()).toContainEqual([{ userId: 1 }, expect.objectContaining({ unique: true })]);
    expect(PushSubscriptionSchema.indexes()).toContainEqual([{ endpoint: 1 }, expect.objectContaining({ unique: true })]);
  });
});
