import { Types } from 'mongoose';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { until } from '../../support/wait.js';
import { newEventId, webhookSender } from './signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_concurrent_deliveries';
const DELIVERIES = 20;

interface Emitted {
  name: string;
  transactionId?: string;
  subscriptionId?: string;
  userId: string;
}

/** Stripe redelivers an event while the first delivery is still being handled: exactly one of them may act on it. */
describe('concurrent deliveries of one webhook event', () => {
  let t: TestApp;
  let send: ReturnType<typeof webhookSender>;
  const emitted: Emitted[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    send = webhookSender(t, SECRET);
    // A subscriber of each event, as notifications is: each owed delivery it receives is counted.
    const relay = t.app.get(EffectsRelay);
    for (const name of ['payment.succeeded', 'payment.failed', 'subscription.changed'] as const)
      relay.on(name, 'delivery-probe', async (event) => void emitted.push({ name, ...event }));
  });
  afterAll(() => t?.close());

  async function payment(user: TestUser, confirm: boolean) {
    const intent = await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 1_000, currency: 'EUR' });
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    if (confirm) expect((await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(user)).send({})).status).toBe(200);
    return intent.body as { id: string; stripePaymentIntentId: string };
  }

  async function subscription(user: TestUser) {
    const created = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'pro' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; providerSubscriptionId: string };
  }

  /** Twenty simultaneous deliveries of one event: one processes it, the others answer duplicate or "retry later". */
  async function storm(type: string, object: Record<string, unknown>): Promise<string> {
    const id = newEventId();
    const responses: Response[] = await Promise.all(Array.from({ length: DELIVERIES }, () => send.event(type, object, { id })));
    for (const response of responses) expect([200, 409], JSON.stringify(response.body)).toContain(response.status);
    expect(responses.filter((r) => r.status === 200 && r.body.duplicate === false)).toHaveLength(1);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(busy.headers['content-type']).toContain('application/problem+json');
      expect(busy.body.type).toBe('urn:atrium:problem:webhook-in-progress');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await t.connection.collection('webhookevents').findOne({ eventId: id })).toMatchObject({ outcome: 'processed', attempts: 1 });
    const again = await send.event(type, object, { id });
    expect(again.body).toMatchObject({ duplicate: true, outcome: 'processed' });
    return id;
  }

  const auditOf = async (user: TestUser, paymentId: string, eventId: string) =>
    ((await t.http().get(`/api/payments/${paymentId}`).set(bearer(user))).body.audit as { eventId?: string; to: string }[]).filter(
      (change) => change.eventId === eventId,
    );
  const count = (collection: string, filter: Record<string, unknown>) => t.connection.collection(collection).countDocuments(filter);
  const emittedFor = (name: string, key: 'transactionId' | 'subscriptionId' | 'userId', value: string) =>
    emitted.filter((event) => event.name === name && event[key] === value).length;

  it('payment_intent.succeeded: one move, one invoice, one receipt', async () => {
    const user = await registerUser(t);
    const intent = await payment(user, false);
    const eventId = await storm('payment_intent.succeeded', { id: intent.stripePaymentIntentId, object: 'payment_intent' });
    expect(await auditOf(user, intent.id, eventId)).toMatchObject([{ to: 'succeeded' }]);
    expect(await count('invoices', { sourceTransactionId: new Types.ObjectId(intent.id) })).toBe(1);
    expect(emittedFor('payment.succeeded', 'transactionId', intent.id)).toBe(1);
    const receipts = { userId: new Types.ObjectId(user.id), title: 'Payment received' };
    await until(async () => (await count('emailqueue', { to: user.email, template: 'payment-receipt' })) > 0);
    expect(await count('notifications', receipts)).toBe(1);
    expect(await count('emailqueue', { to: user.email, template: 'payment-receipt' })).toBe(1);
  });

  for (const [type, to] of [
    ['payment_intent.processing', 'processing'],
    ['payment_intent.canceled', 'canceled'],
    ['payment_intent.payment_failed', 'failed'],
  ] as const) {
    it(`${type}: one move to ${to}`, async () => {
      const user = await registerUser(t);
      const intent = await payment(user, false);
      const eventId = await storm(type, { id: intent.stripePaymentIntentId, last_payment_error: { message: 'card declined' } });
      expect(await auditOf(user, intent.id, eventId)).toMatchObject([{ to }]);
      expect(emittedFor('payment.failed', 'transactionId', intent.id)).toBe(to === 'failed' ? 1 : 0);
    });
  }

  it('charge.refunded: the refunded total applied once', async () => {
    const user = await registerUser(t);
    const paid = await payment(user, true);
    const eventId = await storm('charge.refunded', { id: 'ch_1', payment_intent: paid.stripePaymentIntentId, amount_refunded: 400 });
    expect(await auditOf(user, paid.id, eventId)).toMatchObject([{ to: 'partially_refunded' }]);
    expect((await t.http().get(`/api/payments/${paid.id}`).set(bearer(user))).body.refundedAmount).toBe(400);
  });

  it('charge.dispute.created and charge.dispute.closed (lost): one move each', async () => {
    const user = await registerUser(t);
    const paid = await payment(user, true);
    const dispute = { id: 'dp_1', payment_intent: paid.stripePaymentIntentId };
    const opened = await storm('charge.dispute.created', { ...dispute, status: 'needs_response' });
    expect(await auditOf(user, paid.id, opened)).toMatchObject([{ to: 'disputed' }]);
    const closed = await storm('charge.dispute.closed', { ...dispute, status: 'lost' });
    expect(await auditOf(user, paid.id, closed)).toMatchObject([{ to: 'refunded' }]);
    expect((await t.http().get(`/api/payments/${paid.id}`).set(bearer(user))).body).toMatchObject({ refundedAmount: 1_000 });
  });

  it('invoice.paid: one subscription charge, one invoice, one receipt', async () => {
    const user = await registerUser(t);
    const sub = await subscription(user);
    const charges = { userId: new Types.ObjectId(user.id), type: 'subscription' };
    const before = { charges: await count('transactions', charges), invoices: await count('invoices', { userId: charges.userId }) };
    const receiptsBefore = emittedFor('payment.succeeded', 'userId', user.id);
    await storm('invoice.paid', {
      id: `in_${Date.now()}`,
      object: 'invoice',
      subscription: sub.providerSubscriptionId,
      amount_paid: 2_900,
    });
    expect(await count('transactions', charges)).toBe(before.charges + 1);
    expect(await count('invoices', { userId: charges.userId })).toBe(before.invoices + 1);
    expect(emittedFor('payment.succeeded', 'userId', user.id)).toBe(receiptsBefore + 1);
    await until(async () => (await count('emailqueue', { to: user.email, template: 'payment-receipt' })) >= before.charges + 1);
    expect(await count('emailqueue', { to: user.email, template: 'payment-receipt' })).toBe(before.charges + 1);
  });

  for (const [type, status, expected] of [
    ['invoice.payment_failed', undefined, 'past_due'],
    ['customer.subscription.created', 'active', 'active'],
    ['customer.subscription.updated', 'past_due', 'past_due'],
    ['customer.subscription.deleted', 'canceled', 'canceled'],
  ] as const) {
    it(`${type}: one change to ${expected}`, async () => {
      const user = await registerUser(t);
      const sub = await subscription(user);
      const changesBefore = emittedFor('subscription.changed', 'subscriptionId', sub.id);
      const object = type.startsWith('invoice')
        ? { id: `in_${Date.now()}`, object: 'invoice', subscription: sub.providerSubscriptionId }
        : { id: sub.providerSubscriptionId, object: 'subscription', status, cancel_at_period_end: false, items: { data: [] } };
      const eventId = await storm(type, object);
      const after = (await t.http().get(`/api/subscriptions/${sub.id}`).set(bearer(user))).body;
      expect(after.status).toBe(expected);
      expect(after.audit.filter((change: { eventId?: string }) => change.eventId === eventId)).toHaveLength(1);
      expect(emittedFor('subscription.changed', 'subscriptionId', sub.id)).toBe(changesBefore + 1);
    });
  }
});
