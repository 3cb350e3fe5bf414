import { describe, expect, it } from 'vitest';
import { WebhookDeliverySchema } from './webhook-delivery.schema.js';
import { WebhookEndpointSchema } from './webhook-endpoint.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('tenant webhooks index declarations', () => {
  it('makes one delivery per endpoint and event occurrence', () => {
    expect(WebhookDeliverySchema.indexes()).toContainEqual([
      { tenantId: 1, endpointId: 1, eventKey: 1 },
      expect.objectContaining({ unique: true }),
    ]);
  });

  it('backs the delivery list (by status too) and the job’s due scan', () => {
    expect(keysOf(WebhookDeliverySchema)).toEqual(
      expect.arrayContaining([
        { tenantId: 1, endpointId: 1, createdAt: -1, _id: -1 },
        { tenantId: 1, endpointId: 1, status: 1, createdAt: -1 },
        { status: 1, nextAttemptAt: 1 },
      ]),
    );
  });

  it('leads the endpoint list with the tenant', () => {
    expect(keysOf(WebhookEndpointSchema)).toContainEqual({ tenantId: 1, createdAt: -1, _id: -1 });
  });
});
