export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type ChannelSwitches = Record<Channel, boolean>;

/**
 * What a context declares about a kind of notification it sends. Critical ones (security notices,
 * payment receipts) reach the user in-app and by email whatever the settings and quiet hours say.
 */
export type NotificationTypeOptions = {
  critical?: boolean;
  /** Channel switches before the user changes anything; the rest default to on (SMS off). */
  defaults?: Partial<ChannelSwitches>;
};

/** A context's notification types by name: `<context>.notification-types.ts` exports one. */
export type NotificationTypeTable = Record<string, NotificationTypeOptions>;

/** The kinds staff send from POST /api/notifications/send, and system notices: notifications' own. */
export const NOTIFICATIONS_OWN_TYPES = {
  system: {},
  announcement: {},
  community: {},
  // Promotional: opted into by email, never by default.
  marketing: { defaults: { email: false } },
} as const satisfies NotificationTypeTable;
