/**
 * The events a tenant may subscribe an endpoint to. `ping` is not subscribable: it is what
 * `POST .../webhooks/:endpointId/test` sends, to every endpoint alike.
 */
export const WEBHOOK_EVENT_TYPES = ['call.completed', 'lead.updated'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const DELIVERY_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, 'ping'] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** The JSON body of every delivery: the same envelope whatever the event. */
export interface WebhookEnvelope {
  /** The delivery's id, also sent as `Atrium-Delivery`; receivers dedupe on it. */
  id: string;
  type: DeliveryEventType;
  /** ISO 8601: when the event happened (or the ping was asked for). */
  createdAt: string;
  data: Record<string, unknown>;
}

/** Event payloads come from the relay's stored records: ids are checked before they become filters. */
export const isObjectId = (id: unknown): id is string => typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id);
