import { afterAll, beforeAll, describe, expect, it as vitestIt } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { signedEvent, startStripeMock, STRIPE_MOCK_MISSING, type RunningStripeMock } from '../../support/stripe-mock.js';

const SECRET = 'whsec_test_secret_for_the_suite';
let stripeMock: RunningStripeMock | undefined;

/** Each test needs stripe-mock; without it, it reports itself skipped with the reason. */
const it = (name: string, body: () => Promise<void>) =>
  vitestIt(name, async (context) => {
    if (!stripeMock) context.skip(STRIPE_MOCK_MISSING);
    await body();
  });

describe('payments through Stripe (stripe-mock) and signed webhooks', () => {
  let t: TestApp;
  let payer: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    stripeMock = await startStripeMock();
    if (!stripeMock) return;
    process.env.STRIPE_SECRET_KEY = 'sk_test_123';
    process.env.STRIPE_API_BASE = stripeMock.url;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    [payer, staff] = await Promise.all([registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(async () => {
    await t?.close();
    await stripeMock?.stop();
  });

  const deliver = (type: string, object: Record<string, unknown>, options: { id?: string; path?: string } = {}) => {
    const event = signedEvent(SECRET, type, object, options);
    return t
      .http()
      .post(options.path ?? '/api/billing/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', event.signature)
      .send(event.payload);
  };

  async function paidPayment(amount = 10_000) {
    const intent = await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount, currency: 'eur', description: 'Course' });
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(payer)).send({ paymentMethodId: 'pm_card_visa' });
    expect((await deliver('payment_intent.succeeded', { id: intent.body.stripePaymentIntentId, object: 'payment_intent' })).status).toBe(
      200,
    );
    return intent.body as { id: string; stripePaymentIntentId: string };
  }

  it('intent → confirm → signed succeeded → refund → signed charge.refunded, with statuses, audit and summary at each step', async () => {
    const intent = await t
      .http()
      .post('/api/payments/intent')
      .set(bearer(payer))
      .send({ amount: 10_000, currency: 'eur', description: 'Course' });
    expect(intent.status).toBe(201);
    expect(intent.body).toMatchObject({
      status: 'pending',
      provider: 'stripe',
      amount: 10_000,
      currency: 'EUR',
      amountFormatted: '€100.00',
    });
    expect(intent.body.stripePaymentIntentId).toMatch(/^pi_/);
    expect(intent.body.clientSecret).toBeTruthy();
    const id = intent.body.id;

    const confirmed = await t.http().post(`/api/payments/${id}/confirm`).set(bearer(payer)).send({ paymentMethodId: 'pm_card_visa' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('processing');

    const succeeded = await deliver('payment_intent.succeeded', { id: intent.body.stripePaymentIntentId, object: 'payment_intent' });
    expect(succeeded.status).toBe(200);
    expect(succeeded.body).toMatchObject({ received: true, duplicate: false, outcome: 'processed' });
    const paid = await t.http().get(`/api/payments/${id}`).set(bearer(payer));
    expect(paid.body.status).toBe('succeeded');
    expect(paid.body.audit.map((c: { to: string; source: string }) => `${c.to}/${c.source}`)).toEqual([
      'pending/api',
      'processing/api',
      'succeeded/webhook',
    ]);
    expect(paid.body.audit[2].eventId).toMatch(/^evt_/);

    const invoice = await t.http().get(`/api/payments/${id}/invoice`).set(bearer(payer));
    expect(invoice.status).toBe(200);
    expect(invoice.body).toMatchObject({ status: 'paid', total: 10_000, currency: 'EUR' });
    expect(invoice.body.number).toMatch(/^INV-\d{4}-\d{6}$/);

    const refund = await t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({ amount: 4_000, reason: 'goodwill' });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(refund.body).toMatchObject({ type: 'refund', amount: 4_000, status: 'succeeded', refundOf: id });
    const partial = await t.http().get(`/api/payments/${id}`).set(bearer(payer));
    expect(partial.body).toMatchObject({ status: 'partially_refunded', refundedAmount: 4_000 });
    expect(partial.body.audit.at(-1)).toMatchObject({ to: 'partially_refunded', source: 'staff', actorId: staff.id, reason: 'goodwill' });

    // Stripe confirms our refund, then reports the rest refunded from its dashboard.
    expect(
      (
        await deliver('charge.refunded', {
          id: 'ch_1',
          object: 'charge',
          payment_intent: intent.body.stripePaymentIntentId,
          amount_refunded: 4_000,
        })
      ).body.outcome,
    ).toBe('ignored');
    expect(
      (
        await deliver('charge.refunded', {
          id: 'ch_1',
          object: 'charge',
          payment_intent: intent.body.stripePaymentIntentId,
          amount_refunded: 10_000,
        })
      ).body.outcome,
    ).toBe('processed');
    const refunded = await t.http().get(`/api/payments/${id}`).set(bearer(payer));
    expect(refunded.body).toMatchObject({ status: 'refunded', refundedAmount: 10_000 });

    const summary = await t.http().get(`/api/billing/summary/${payer.id}`).set(bearer(payer));
    expect(summary.status).toBe(200);
    expect(summary.body.byStatus).toContainEqual({ status: 'refunded', currency: 'EUR', count: 1, amount: 10_000, refunded: 10_000 });
    expect(summary.body.byMonth[0].month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('delivers the same event twice with one effect, on either webhook path', async () => {
    const payment = await paidPayment();
    const eventId = `evt_dup_${Date.now()}`;
    const object = { id: 'ch_2', object: 'charge', payment_intent: payment.stripePaymentIntentId, amount_refunded: 2_500 };
    const first = await deliver('charge.refunded', object, { id: eventId });
    const second = await deliver('charge.refunded', object, { id: eventId, path: '/api/payments/webhook' });
    expect(first.body).toMatchObject({ duplicate: false, outcome: 'processed' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicate: true });
    const after = await t.http().get(`/api/payments/${payment.id}`).set(bearer(payer));
    expect(after.body.refundedAmount).toBe(2_500);
    expect(after.body.audit.filter((c: { eventId?: string }) => c.eventId === eventId)).toHaveLength(1);
    expect(await t.connection.collection('webhookevents').countDocuments({ eventId })).toBe(1);
  });

  it('refuses a missing, wrong or stale signature with 400 and records nothing', async () => {
    const before = await t.connection.collection('webhookevents').countDocuments();
    const event = signedEvent(SECRET, 'payment_intent.succeeded', { id: 'pi_x' });
    const missing = await t.http().post('/api/billing/webhooks/stripe').set('Content-Type', 'application/json').send(event.payload);
    const wrong = signedEvent('whsec_some_other_secret_value', 'payment_intent.succeeded', { id: 'pi_x' });
    const wrongResponse = await t
      .http()
      .post('/api/billing/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', wrong.signature)
      .send(wrong.payload);
    const stale = signedEvent(SECRET, 'payment_intent.succeeded', { id: 'pi_x' }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const staleResponse = await t
      .http()
      .post('/api/billing/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', stale.signature)
      .send(stale.payload);
    const tampered = await t
      .http()
      .post('/api/billing/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', event.signature)
      .send(event.payload.replace('pi_x', 'pi_y'));
    for (const response of [missing, wrongResponse, staleResponse, tampered]) {
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await t.connection.collection('webhookevents').countDocuments()).toBe(before);
  });

  it('keeps the right final state when events arrive out of order', async () => {
    const payment = await paidPayment();
    expect((await deliver('payment_intent.processing', { id: payment.stripePaymentIntentId })).body.outcome).toBe('ignored');
    expect(
      (await deliver('payment_intent.payment_failed', { id: payment.stripePaymentIntentId, last_payment_error: { message: 'late' } })).body
        .outcome,
    ).toBe('ignored');
    const after = await t.http().get(`/api/payments/${payment.id}`).set(bearer(payer));
    expect(after.body.status).toBe('succeeded');
    expect(after.body.failureReason).toBeUndefined();
  });

  it('acknowledges and records unknown event types', async () => {
    const response = await deliver('customer.tax_id.created', { id: 'txi_1' });
    expect(response.status).toBe(200);
    expect(response.body.outcome).toBe('ignored');
  });

  it('follows disputes: opened, then won', async () => {
    const payment = await paidPayment();
    await deliver('charge.dispute.created', { id: 'dp_1', payment_intent: payment.stripePaymentIntentId, status: 'needs_response' });
    expect((await t.http().get(`/api/payments/${payment.id}`).set(bearer(payer))).body.status).toBe('disputed');
    await deliver('charge.dispute.closed', { id: 'dp_1', payment_intent: payment.stripePaymentIntentId, status: 'won' });
    expect((await t.http().get(`/api/payments/${payment.id}`).set(bearer(payer))).body.status).toBe('succeeded');
  });

  it('tracks a Stripe subscription through its events', async () => {
    const created = await t.http().post('/api/subscriptions').set(bearer(payer)).send({ plan: 'pro' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.providerSubscriptionId).toMatch(/^sub_/);
    const providerId = created.body.providerSubscriptionId;
    const paid = await deliver('invoice.paid', { id: 'in_1', object: 'invoice', subscription: providerId, amount_paid: 2_900 });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.outcome).toBe('processed');
    const history = await t.http().get('/api/payments?type=subscription').set(bearer(payer));
    expect(history.body.items[0]).toMatchObject({ type: 'subscription', amount: 2_900, status: 'succeeded' });
    await deliver('customer.subscription.deleted', {
      id: providerId,
      object: 'subscription',
      status: 'canceled',
      cancel_at_period_end: false,
      items: { data: [] },
    });
    expect((await t.http().get(`/api/subscriptions/${created.body.id}`).set(bearer(payer))).body.status).toBe('canceled');
  });
});
