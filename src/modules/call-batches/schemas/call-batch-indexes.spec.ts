import { describe, expect, it } from 'vitest';
import { CallBatchItemSchema } from './call-batch-item.schema.js';
import { CallBatchSchema } from './call-batch.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('call batches index declarations', () => {
  it('lead every tenant query with tenantId; the drain reads running batches across tenants by status', () => {
    expect(keysOf(CallBatchSchema)).toEqual([
      { tenantId: 1, status: 1, createdAt: -1 },
      { tenantId: 1, createdAt: -1 },
      { status: 1, tenantId: 1 },
    ]);
  });

  it('hold one item per lead of a batch, and serve the drain, the progress and the item filters', () => {
    expect(CallBatchItemSchema.indexes()).toEqual([
      [{ tenantId: 1, batchId: 1, leadId: 1 }, expect.objectContaining({ unique: true })],
      [{ tenantId: 1, batchId: 1, state: 1, nextAttemptAt: 1 }, expect.anything()],
      [{ tenantId: 1, batchId: 1, outcome: 1 }, expect.anything()],
    ]);
  });

  it('bound what grows: names, zones, calls per item, attempts', () => {
    expect(CallBatchSchema.path('name').options.maxlength).toBe(200);
    expect(CallBatchSchema.path('retry.maxAttempts').options).toMatchObject({ min: 1, max: 5 });
    expect(CallBatchItemSchema.path('timezone').options.maxlength).toBe(64);
    expect(CallBatchItemSchema.path('attempts').options).toMatchObject({ min: 0, max: 10 });
  });
});
