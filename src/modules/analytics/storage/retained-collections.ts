export const DAY_MS = 86_400_000;

/** Every collection analytics keeps for ANALYTICS_RETENTION_DAYS, by the field its age is read from. */
export const RETAINED_COLLECTIONS: readonly { collection: string; timeField: string }[] = [
  { collection: 'visitors', timeField: 'lastSeenAt' },
  { collection: 'visits', timeField: 'lastAt' },
  { collection: 'pageviews', timeField: 'at' },
  { collection: 'userevents', timeField: 'at' },
  { collection: 'chatinteractions', timeField: 'at' },
  { collection: 'toolusages', timeField: 'at' },
  { collection: 'userbehaviors', timeField: 'at' },
  { collection: 'performancemetrics', timeField: 'at' },
  { collection: 'apiusages', timeField: 'at' },
];
