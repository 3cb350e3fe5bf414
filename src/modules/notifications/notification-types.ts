export const NOTIFICATION_TYPES = [
  'system',
  'security',
  'payment',
  'ticket-reply',
  'support',
  'session-reminder',
  'community',
  'announcement',
  'marketing',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Security notices and payment receipts reach the user whatever their settings and quiet hours say. */
export const CRITICAL_TYPES: readonly NotificationType[] = ['security', 'payment'];

export type ChannelSwitches = Record<Channel, boolean>;

/** Defaults before a user changes anything: everything but SMS, and no marketing email. */
export function defaultSwitches(type: NotificationType): ChannelSwitches {
  return { in_app: true, email: type !== 'marketing', push: true, sms: false };
}
