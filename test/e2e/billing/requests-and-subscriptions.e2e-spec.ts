import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApplyProviderEvent } from '../../../src/modules/billing/use-cases/apply-provider-event.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { signedEvent } from '../../support/stripe-mock.js';

const SECRET = 'whsec_suite_secret_for_mock_provider';

describe('refund requests, subscriptions and webhook retries with the embedded provider', () => {
  let t: TestApp;
  let payer: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    [payer, staff] = await Promise.all([registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  async function paid(amount: number) {
    const intent = await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount, currency: 'EUR' });
    await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(payer)).send({});
    return intent.body.id as string;
  }

  it('walks a refund request: requested → approved → processed, with the refund made', async () => {
    const payment = await paid(5_000);
    const tooMuch = await t
      .http()
      .post('/api/refund-requests')
      .set(bearer(payer))
      .send({ transactionId: payment, amount: 6_000, reason: 'other' });
    expect(tooMuch.status).toBe(409);
    const request = await t
      .http()
      .post('/api/refund-requests')
      .set(bearer(payer))
      .send({ transactionId: payment, amount: 2_000, reason: 'service_not_provided' });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ status: 'requested', amount: 2_000, currency: 'EUR' });
    const queue = await t.http().get('/api/refund-requests/queue?status=requested').set(bearer(staff));
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(request.body.id);

    const approved = await t.http().post(`/api/refund-requests/${request.body.id}/approve`).set(bearer(staff)).send({ note: 'ok' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'processed', reviewedBy: staff.id });
    expect(approved.body.refundTransactionId).toBeTruthy();
    expect((await t.http().get(`/api/payments/${payment}`).set(bearer(payer))).body).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 2_000,
    });
    // A processed request is final.
    expect((await t.http().post(`/api/refund-requests/${request.body.id}/reject`).set(bearer(staff)).send({})).status).toBe(409);
    expect((await t.http().get('/api/refund-requests').set(bearer(payer))).body.items[0]).toMatchObject({ status: 'processed' });
  });

  it('rejects a refund request without touching the payment', async () => {
    const payment = await paid(1_000);
    const request = (await t.http().post('/api/refund-requests').set(bearer(payer)).send({ transactionId: payment, reason: 'other' })).body;
    expect(request.amount).toBe(1_000);
    const rejected = await t.http().post(`/api/refund-requests/${request.id}/reject`).set(bearer(staff)).send({ note: 'outside policy' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'outside policy' });
    expect((await t.http().post(`/api/refund-requests/${request.id}/approve`).set(bearer(staff)).send({})).status).toBe(409);
    expect((await t.http().get(`/api/payments/${payment}`).set(bearer(payer))).body).toMatchObject({
      status: 'succeeded',
      refundedAmount: 0,
    });
  });

  it('subscribes to a plan and to an agent, charges the period, cancels at period end and resumes', async () => {
    const plan = await t.http().post('/api/subscriptions').set(bearer(payer)).send({ plan: 'pro' });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ itemType: 'plan', itemId: 'pro', status: 'active', amount: 2_900, cancelAtPeriodEnd: false });
    expect(new Date(plan.body.currentPeriodEnd).getTime()).toBeGreaterThan(new Date(plan.body.currentPeriodStart).getTime());
    expect((await t.http().post('/api/subscriptions').set(bearer(payer)).send({ plan: 'pro' })).status).toBe(409);
    expect((await t.http().post('/api/subscriptions').set(bearer(payer)).send({ plan: 'agent' })).status).toBe(400);
    const agent = await t.http().post('/api/subscriptions').set(bearer(payer)).send({ plan: 'agent', agentId: 'neural-chat' });
    expect(agent.body).toMatchObject({ itemType: 'agent', itemId: 'neural-chat', status: 'active' });

    const charges = (await t.http().get('/api/payments?type=subscription').set(bearer(payer))).body;
    expect(charges.items.map((c: { amount: number; status: string }) => `${c.amount}/${c.status}`).sort()).toEqual([
      '1500/succeeded',
      '2900/succeeded',
    ]);

    const canceled = await t.http().post(`/api/subscriptions/${plan.body.id}/cancel`).set(bearer(payer));
    expect(canceled.body).toMatchObject({ cancelAtPeriodEnd: true, status: 'active' });
    const resumed = await t.http().post(`/api/subscriptions/${plan.body.id}/resume`).set(bearer(payer));
    expect(resumed.body.cancelAtPeriodEnd).toBe(false);
    expect((await t.http().get('/api/subscriptions').set(bearer(payer))).body).toHaveLength(2);
  });

  it('answers 500 when processing an event fails, keeps it for the retry, and applies it on redelivery', async () => {
    const intent = (await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 800, currency: 'EUR' })).body;
    const event = signedEvent(SECRET, 'payment_intent.succeeded', { id: intent.stripePaymentIntentId }, { id: `evt_retry_${Date.now()}` });
    const send = () =>
      t
        .http()
        .post('/api/billing/webhooks/stripe')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', event.signature)
        .send(event.payload);

    // One injected fault inside our own processing (the database write of the new status).
    const spy = vi.spyOn(t.app.get(ApplyProviderEvent), 'execute').mockRejectedValueOnce(new Error('injected fault'));
    const failed = await send();
    expect(failed.status).toBe(500);
    expect(await t.connection.collection('webhookevents').findOne({ eventId: JSON.parse(event.payload).id })).toMatchObject({
      outcome: 'failed',
      attempts: 1,
    });
    expect((await t.http().get(`/api/payments/${intent.id}`).set(bearer(payer))).body.status).toBe('pending');

    const retried = await send();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ duplicate: false, outcome: 'processed' });
    expect((await t.http().get(`/api/payments/${intent.id}`).set(bearer(payer))).body.status).toBe('succeeded');
    expect(await t.connection.collection('webhookevents').findOne({ eventId: JSON.parse(event.payload).id })).toMatchObject({
      outcome: 'processed',
      attempts: 2,
    });
    spy.mockRestore();
  });
});
