import { describe, expect, it } from 'vitest';
import { InvoiceSchema } from './invoice.schema.js';
import { InvoiceCounterSchema } from './invoice-counter.schema.js';
import { SubscriptionSchema } from './subscription.schema.js';
import { TransactionSchema } from './transaction.schema.js';
import { WebhookEventSchema } from './webhook-event.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('billing index declarations', () => {
  it('keeps one transaction per payment intent and backs every history filter', () => {
    expect(TransactionSchema.indexes()).toContainEqual([
      { stripePaymentIntentId: 1 },
      expect.objectContaining({ unique: true, sparse: true }),
    ]);
    expect(TransactionSchema.indexes()).toContainEqual([{ providerInvoiceId: 1 }, expect.objectContaining({ unique: true, sparse: true })]);
    expect(keysOf(TransactionSchema)).toEqual(
      expect.arrayContaining([
        { userId: 1, createdAt: -1, _id: -1 },
        { userId: 1, status: 1, createdAt: -1 },
        { userId: 1, type: 1, createdAt: -1 },
      ]),
    );
  });

  it('stores each webhook event once', () => {
    expect(WebhookEventSchema.indexes()).toContainEqual([{ provider: 1, eventId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('keeps invoice numbers, counters and per-payment invoices unique', () => {
    expect(InvoiceSchema.indexes()).toContainEqual([{ number: 1 }, expect.objectContaining({ unique: true })]);
    expect(InvoiceSchema.indexes()).toContainEqual([{ sourceTransactionId: 1 }, expect.objectContaining({ unique: true })]);
    expect(InvoiceCounterSchema.indexes()).toContainEqual([{ year: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('finds subscriptions by their provider id', () => {
    expect(SubscriptionSchema.indexes()).toContainEqual([{ providerSubscriptionId: 1 }, expect.objectContaining({ unique: true })]);
  });
});
