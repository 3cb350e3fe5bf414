import type { NotificationDto } from './dto/notification.dto.js';
import type { DeliveryStatus } from './notification-types.js';
import type { Notification } from './schemas/notification.schema.js';

export function toNotificationDto(notification: Notification): NotificationDto {
  const delivery = (notification.delivery ?? {}) as Record<string, { status: DeliveryStatus; at?: Date; reason?: string }>;
  return {
    id: notification._id.toString(),
    userId: notification.userId.toString(),
    type: notification.type,
    title: notification.title,
    body: notification.body,
    actions: (notification.actions ?? []).map(({ label, url }) => ({ label, url })),
    attachments: (notification.attachments ?? []).map(({ name, url, contentType }) => ({ name, url, contentType })),
    priority: notification.priority,
    channels: notification.channels,
    delivery: Object.fromEntries(
      Object.entries(delivery).map(([channel, outcome]) => [
        channel,
        { status: outcome.status, at: outcome.at ? new Date(outcome.at).toISOString() : undefined, reason: outcome.reason },
      ]),
    ),
    read: notification.read,
    readAt: notification.readAt ? new Date(notification.readAt).toISOString() : undefined,
    groupKey: notification.groupKey,
    scheduledFor: new Date(notification.scheduledFor).toISOString(),
    expiresAt: new Date(notification.expiresAt).toISOString(),
    createdAt: new Date(notification.createdAt).toISOString(),
    updatedAt: new Date(notification.updatedAt).toISOString(),
  };
}
