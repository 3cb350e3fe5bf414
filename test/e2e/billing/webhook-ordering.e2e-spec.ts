import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { newEventId, nowSeconds, webhookSender } from './signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_event_order';

/** Stripe does not promise order: a subscription follows the newest event and its lifecycle, never an older word. */
describe('subscription events out of order', () => {
  let t: TestApp;
  let send: ReturnType<typeof webhookSender>;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    send = webhookSender(t, SECRET);
  });
  afterAll(() => t?.close());

  async function subscribed(): Promise<{ user: TestUser; id: string; providerId: string }> {
    const user = await registerUser(t);
    const created = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'pro' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { user, id: created.body.id, providerId: created.body.providerSubscriptionId };
  }
  const subscriptionEvent = (type: string, providerId: string, status: string, created: number) => {
    const id = newEventId();
    const object = { id: providerId, object: 'subscription', status, cancel_at_period_end: false, items: { data: [] } };
    return send.event(type, object, { id, created }).then((response) => ({ response, id }));
  };
  const invoiceEvent = (type: string, providerId: string, created: number) => {
    const id = newEventId();
    const object = { id: `in_${id}`, object: 'invoice', subscription: providerId, amount_paid: 2_900 };
    return send.event(type, object, { id, created }).then((response) => ({ response, id }));
  };
  const statusOf = async (s: { user: TestUser; id: string }) =>
    (await t.http().get(`/api/subscriptions/${s.id}`).set(bearer(s.user))).body.status as string;
  const row = (eventId: string) => t.connection.collection('webhookevents').findOne({ eventId });

  it('keeps a deleted subscription canceled when an older "updated: active" arrives after it', async () => {
    const s = await subscribed();
    const now = nowSeconds();
    const deleted = await subscriptionEvent('customer.subscription.deleted', s.providerId, 'canceled', now);
    expect(deleted.response.body).toMatchObject({ outcome: 'processed' });
    expect(await statusOf(s)).toBe('canceled');

    const older = await subscriptionEvent('customer.subscription.updated', s.providerId, 'active', now - 60);
    expect(older.response.status).toBe(200);
    expect(older.response.body).toMatchObject({ duplicate: false, outcome: 'ignored' });
    expect(await statusOf(s)).toBe('canceled');
    expect((await row(older.id))?.detail).toMatch(/older than/);

    // Even a newer event cannot revive it: canceled is final in the lifecycle.
    const newer = await subscriptionEvent('customer.subscription.updated', s.providerId, 'active', now + 60);
    expect(newer.response.body).toMatchObject({ outcome: 'ignored' });
    expect(await statusOf(s)).toBe('canceled');
    expect((await row(newer.id))?.detail).toMatch(/canceled.*active/);
  });

  it('keeps an active subscription active when an older invoice.payment_failed arrives after a newer update', async () => {
    const s = await subscribed();
    const now = nowSeconds();
    expect((await subscriptionEvent('customer.subscription.updated', s.providerId, 'active', now)).response.body.outcome).toBe('processed');

    const older = await invoiceEvent('invoice.payment_failed', s.providerId, now - 60);
    expect(older.response.body).toMatchObject({ duplicate: false, outcome: 'ignored' });
    expect(await statusOf(s)).toBe('active');
    expect((await row(older.id))?.detail).toMatch(/older than/);

    // Newer word still counts: a later failure makes it past_due, a later payment active again.
    expect((await invoiceEvent('invoice.payment_failed', s.providerId, now + 60)).response.body.outcome).toBe('processed');
    expect(await statusOf(s)).toBe('past_due');
    expect((await invoiceEvent('invoice.paid', s.providerId, now + 120)).response.body.outcome).toBe('processed');
    expect(await statusOf(s)).toBe('active');
  });

  it('records an older invoice.paid charge without moving the subscription back', async () => {
    const s = await subscribed();
    const now = nowSeconds();
    await subscriptionEvent('customer.subscription.deleted', s.providerId, 'canceled', now);
    const late = await invoiceEvent('invoice.paid', s.providerId, now - 60);
    expect(late.response.status).toBe(200);
    expect(await statusOf(s)).toBe('canceled');
    // The money was paid all the same: the charge is on the books.
    const charges = (await t.http().get('/api/payments?type=subscription').set(bearer(s.user))).body;
    expect(charges.total).toBe(2);
  });
});
