import { Types } from 'mongoose';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { InvoicesService } from '../../../src/modules/billing/invoices.service.js';
import { ApplyProviderEvent } from '../../../src/modules/billing/use-cases/apply-provider-event.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { owedEffectsDueNow } from '../../support/factories/billing.js';
import { until } from '../../support/wait.js';
import { newEventId, webhookSender } from './signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_webhook_recovery';

/** An event whose processing failed or whose handler died is not lost: a later delivery processes it, once. */
describe('webhook events after a failure or a dead handler', () => {
  let t: TestApp;
  let payer: TestUser;
  let send: ReturnType<typeof webhookSender>;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    send = webhookSender(t, SECRET);
    payer = await registerUser(t);
  });
  afterAll(() => t?.close());

  async function pending() {
    const intent = await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 1_500, currency: 'EUR' });
    return intent.body as { id: string; stripePaymentIntentId: string };
  }
  const row = (eventId: string) => t.connection.collection('webhookevents').findOne({ eventId });
  const paymentOf = async (id: string) => (await t.http().get(`/api/payments/${id}`).set(bearer(payer))).body;

  it('releases a failed claim, and exactly one of twenty redeliveries then processes the event', async () => {
    const intent = await pending();
    const eventId = newEventId();
    const deliver = () => send.event('payment_intent.succeeded', { id: intent.stripePaymentIntentId }, { id: eventId });
    const spy = vi.spyOn(t.app.get(ApplyProviderEvent), 'execute').mockRejectedValueOnce(new Error('injected fault'));
    expect((await deliver()).status).toBe(500);
    spy.mockRestore();
    expect(await row(eventId)).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect((await row(eventId))?.leaseUntil).toBeFalsy();

    const retries: Response[] = await Promise.all(Array.from({ length: 20 }, deliver));
    expect(retries.filter((r) => r.status === 200 && r.body.duplicate === false)).toHaveLength(1);
    expect(await row(eventId)).toMatchObject({ outcome: 'processed', attempts: 2 });
    const payment = await paymentOf(intent.id);
    expect(payment.status).toBe('succeeded');
    expect(payment.audit.filter((change: { eventId?: string }) => change.eventId === eventId)).toHaveLength(1);
  });

  it('answers 409 with Retry-After while a delivery holds the event, and lets a redelivery take over once its lease has run out', async () => {
    const intent = await pending();
    const eventId = newEventId();
    const deliver = () => send.event('payment_intent.succeeded', { id: intent.stripePaymentIntentId }, { id: eventId });
    // The first delivery's handler hangs, as on an instance that dies mid-processing.
    let crash: (error: Error) => void = () => undefined;
    const spy = vi
      .spyOn(t.app.get(ApplyProviderEvent), 'execute')
      .mockImplementationOnce(() => new Promise((_, reject) => (crash = reject)));
    const first = deliver().then((response) => response);
    try {
      await until(async () => (await row(eventId))?.outcome === 'processing');
      const busy = await deliver();
      expect(busy.status).toBe(409);
      expect(busy.headers['content-type']).toContain('application/problem+json');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      expect((await paymentOf(intent.id)).status).toBe('pending');

      // The lease runs out, as it would once its time has passed with the holder gone.
      await t.connection.collection('webhookevents').updateOne({ eventId }, { $set: { leaseUntil: new Date(Date.now() - 1_000) } });
      const takeover = await deliver();
      expect(takeover.status).toBe(200);
      expect(takeover.body).toMatchObject({ duplicate: false, outcome: 'processed' });
    } finally {
      // The stale holder wakes up and fails: it no longer owns the event and cannot mark it failed.
      crash(new Error('instance died'));
    }
    expect((await first).status).toBe(500);
    spy.mockRestore();
    expect(await row(eventId)).toMatchObject({ outcome: 'processed', attempts: 2 });
    const payment = await paymentOf(intent.id);
    expect(payment.status).toBe('succeeded');
    expect(payment.audit.filter((change: { eventId?: string }) => change.eventId === eventId)).toHaveLength(1);
    expect(await t.connection.collection('invoices').countDocuments({ sourceTransactionId: new Types.ObjectId(intent.id) })).toBe(1);
  });

  it('records one charge per paid invoice, with one invoice, when its invoice step failed and the invoice is paid again', async () => {
    const user = await registerUser(t);
    const created = (await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'pro' })).body;
    const invoice = { id: `in_${newEventId()}`, object: 'invoice', subscription: created.providerSubscriptionId, amount_paid: 2_900 };
    const charges = { userId: new Types.ObjectId(user.id), type: 'subscription' };
    const before = await t.connection.collection('transactions').countDocuments(charges);
    const spy = vi.spyOn(t.app.get(InvoicesService), 'issueForPayment').mockRejectedValueOnce(new Error('injected fault'));
    expect((await send.event('invoice.paid', invoice)).body).toMatchObject({ duplicate: false, outcome: 'processed' });
    spy.mockRestore();
    expect(await t.connection.collection('transactions').countDocuments(charges)).toBe(before + 1);
    const charge = await t.connection.collection('transactions').findOne({ providerInvoiceId: invoice.id });
    expect(charge).toMatchObject({ status: 'succeeded', amount: 2_900 });
    expect(await t.connection.collection('invoices').countDocuments({ sourceTransactionId: charge!._id })).toBe(0);

    // Another event about the same paid invoice, then the relay's sweep once the retry is due.
    expect((await send.event('invoice.paid', invoice)).status).toBe(200);
    await owedEffectsDueNow(t.app, charge!._id.toString());
    await t.app.get(EffectsRelay).sweep();
    expect(await t.connection.collection('transactions').countDocuments(charges)).toBe(before + 1);
    expect(await t.connection.collection('invoices').countDocuments({ sourceTransactionId: charge!._id })).toBe(1);
  });
});
