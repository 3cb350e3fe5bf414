import type { WebhookDeliveryDto } from './dto/webhook-delivery.dto.js';
import type { WebhookEndpointDto } from './dto/webhook-endpoint.dto.js';
import type { WebhookDelivery } from './schemas/webhook-delivery.schema.js';
import type { WebhookEndpoint } from './schemas/webhook-endpoint.schema.js';

/** An endpoint as every reader sees it: never its secret (create and rotate add it themselves). */
export const toWebhookEndpointDto = (endpoint: WebhookEndpoint): WebhookEndpointDto => ({
  id: endpoint._id.toString(),
  tenantId: endpoint.tenantId.toString(),
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  enabled: endpoint.enabled,
  disabledReason: endpoint.disabledReason,
  secretHint: endpoint.secretHint,
  consecutiveFailures: endpoint.consecutiveFailures ?? 0,
  createdAt: endpoint.createdAt.toISOString(),
  updatedAt: endpoint.updatedAt.toISOString(),
});

const parsed = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export const toWebhookDeliveryDto = (delivery: WebhookDelivery): WebhookDeliveryDto => ({
  id: delivery._id.toString(),
  endpointId: delivery.endpointId.toString(),
  eventType: delivery.eventType,
  status: delivery.status,
  attemptCount: delivery.attemptCount ?? 0,
  nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt?.toISOString() : undefined,
  deliveredAt: delivery.deliveredAt?.toISOString(),
  failedAt: delivery.failedAt?.toISOString(),
  payload: parsed(delivery.body),
  attempts: (delivery.attempts ?? []).map((attempt) => ({
    at: attempt.at.toISOString(),
    statusCode: attempt.statusCode,
    error: attempt.error,
    durationMs: attempt.durationMs,
    responseExcerpt: attempt.responseExcerpt,
  })),
  createdAt: delivery.createdAt.toISOString(),
});
