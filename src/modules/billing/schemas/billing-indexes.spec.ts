import { describe, expect, it } from 'vitest';
import { InvoiceSchema } from './invoice.schema.js';
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

  it('finds the payments of a learning session', () => {
    expect(keysOf(TransactionSchema)).toContainEqual({ sessionId: 1 });
  });

  it('stores each webhook event once', () => {
    expect(WebhookEventSchema.indexes()).toContainEqual([{ provider: 1, eventId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('keeps invoice numbers and per-payment invoices unique', () => {
    expect(InvoiceSchema.indexes()).toContainEqual([{ number: 1 }, expect.objectContaining({ unique: true })]);
    expect(InvoiceSchema.indexes()).toContainEqual([{ sourceTransactionId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('lets the relay sweep find the owed effects of payments and subscriptions', () => {
    for (const schema of [TransactionSchema, SubscriptionSchema])
      expect(keysOf(schema)).toContainEqual({ 'effects.state': 1, 'effects.dueAt': 1 });
  });

  it('finds subscriptions by their provider id', () => {
    expect(SubscriptionSchema.indexes()).toContainEqual([{ providerSubscriptionId: 1 }, expect.objectContaining({ unique: true })]);
  });
});
