import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';
import { until } from '../../support/wait.js';
import { newEventId, nowSeconds, webhookSender } from '../billing/signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_entitlements';

/**
 * A tenant's plan (and a user's personal plan) follows its subscriptions as billing reports them:
 * signed Stripe events move it, and the gated audit log answers 402 or 200 accordingly.
 */
describe('plans follow billing', () => {
  let t: TestApp;
  let send: ReturnType<typeof webhookSender>;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    send = webhookSender(t, SECRET);
  });
  afterAll(() => t?.close());

  const subscriptionEvent = (type: string, providerId: string, status: string, created = nowSeconds()) =>
    send.event(
      type,
      { id: providerId, object: 'subscription', status, cancel_at_period_end: false, items: { data: [] } },
      { id: newEventId(), created },
    );
  const tenantPlan = async (owner: TestUser, tenantId: string) =>
    (await t.http().get(`/api/tenants/${tenantId}/features`).set(bearer(owner))).body.planKey as string;
  const auditLogEnabled = async (owner: TestUser, tenantId: string) =>
    (
      (await t.http().get(`/api/tenants/${tenantId}/features`).set(bearer(owner))).body.features as { key: string; enabled: boolean }[]
    ).find((feature) => feature.key === 'audit-log')!.enabled;
  const auditLogs = (owner: TestUser, tenantId: string) => t.http().get(`/api/tenants/${tenantId}/audit-logs`).set(bearer(owner));

  async function subscribedTenant(plan: string) {
    const owner = await registerUser(t);
    const tenantId = (await createTenant(t, owner)).id;
    const created = await t.http().post(`/api/tenants/${tenantId}/subscriptions`).set(bearer(owner)).send({ plan });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ tenantId, plan, status: 'active' });
    return { owner, tenantId, subscriptionId: created.body.id as string, providerId: created.body.providerSubscriptionId as string };
  }

  it('gates the audit log with 402 naming the cheapest plan that includes it, and 200 once a signed event puts the tenant on pro', async () => {
    const owner = await registerUser(t);
    const tenantId = (await createTenant(t, owner)).id;
    const refused = await auditLogs(owner, tenantId);
    expect(refused.status).toBe(402);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      type: 'urn:atrium:problem:feature-not-included',
      status: 402,
      feature: { key: 'audit-log' },
      planKey: 'free',
      upgradePlan: { key: 'pro', name: 'Pro', price: 2900, currency: 'EUR', billingCycle: 'month' },
    });

    // On pro through the API (the embedded provider activates at once), then the provider's signed word moves it.
    const created = await t.http().post(`/api/tenants/${tenantId}/subscriptions`).set(bearer(owner)).send({ plan: 'pro' });
    expect(created.status).toBe(201);
    await until(async () => (await auditLogs(owner, tenantId)).status === 200);
    const providerId = created.body.providerSubscriptionId as string;
    const now = nowSeconds();
    await subscriptionEvent('customer.subscription.updated', providerId, 'unpaid', now);
    await until(async () => (await auditLogs(owner, tenantId)).status === 402);
    expect((await auditLogs(owner, tenantId)).body).toMatchObject({ planKey: 'free', upgradePlan: { key: 'pro' } });
    const paid = await subscriptionEvent('customer.subscription.updated', providerId, 'active', now + 60);
    expect(paid.body).toMatchObject({ outcome: 'processed' });
    await until(async () => (await auditLogs(owner, tenantId)).status === 200);
    expect(await tenantPlan(owner, tenantId)).toBe('pro');
  });

  it('drops the tenant to free when a signed event says unpaid, and back to pro when a newer one says active', async () => {
    const { owner, tenantId, providerId } = await subscribedTenant('pro');
    await until(async () => (await tenantPlan(owner, tenantId)) === 'pro');
    const now = nowSeconds();

    expect((await subscriptionEvent('customer.subscription.updated', providerId, 'unpaid', now)).body).toMatchObject({
      outcome: 'processed',
    });
    await until(async () => !(await auditLogEnabled(owner, tenantId)));
    expect(await tenantPlan(owner, tenantId)).toBe('free');

    expect((await subscriptionEvent('customer.subscription.updated', providerId, 'active', now + 60)).body).toMatchObject({
      outcome: 'processed',
    });
    await until(async () => await auditLogEnabled(owner, tenantId));
    expect(await tenantPlan(owner, tenantId)).toBe('pro');

    // A late, older word changes nothing; the end of the subscription does.
    expect((await subscriptionEvent('customer.subscription.updated', providerId, 'unpaid', now + 30)).body).toMatchObject({
      outcome: 'ignored',
    });
    expect(await tenantPlan(owner, tenantId)).toBe('pro');
    await subscriptionEvent('customer.subscription.deleted', providerId, 'canceled', now + 120);
    await until(async () => (await tenantPlan(owner, tenantId)) === 'free');
    expect(await auditLogEnabled(owner, tenantId)).toBe(false);
  });

  it('keeps the dearest running plan when a tenant holds two subscriptions and one of them ends', async () => {
    const { owner, tenantId, providerId: starter } = await subscribedTenant('starter');
    await until(async () => (await tenantPlan(owner, tenantId)) === 'starter');
    // Starter does not include the audit log.
    expect(await auditLogEnabled(owner, tenantId)).toBe(false);
    expect((await t.http().post(`/api/tenants/${tenantId}/subscriptions`).set(bearer(owner)).send({ plan: 'pro' })).status).toBe(201);
    await until(async () => (await tenantPlan(owner, tenantId)) === 'pro');
    await subscriptionEvent('customer.subscription.deleted', starter, 'canceled');
    // The starter subscription's end is reported and handled, and pro stays.
    await until(async () => (await t.connection.collection('plangrants').countDocuments({ subscriptionStatus: 'canceled' })) >= 1);
    expect(await tenantPlan(owner, tenantId)).toBe('pro');
  });

  it('lets only owners and admins subscribe a tenant, to plans (not agents), and list what it pays for', async () => {
    const owner = await registerUser(t);
    const member = await registerUser(t);
    const outsider = await registerUser(t);
    const tenantId = (await createTenant(t, owner)).id;
    await addMember(t, tenantId, owner, member, 'member');
    const subscribe = (caller: TestUser, body: Record<string, unknown>) =>
      t.http().post(`/api/tenants/${tenantId}/subscriptions`).set(bearer(caller)).send(body);
    expect((await subscribe(member, { plan: 'pro' })).status).toBe(403);
    expect((await subscribe(outsider, { plan: 'pro' })).status).toBe(404);
    expect((await subscribe(owner, { plan: 'agent', agentId: 'neural-chat' })).status).toBe(400);
    expect((await subscribe(owner, { plan: 'nope' })).status).toBe(400);
    expect((await subscribe(owner, { plan: 'starter' })).status).toBe(201);
    expect((await subscribe(owner, { plan: 'starter' })).status).toBe(409);
    // The owner's personal subscriptions are apart from the tenant's.
    expect((await t.http().post('/api/subscriptions').set(bearer(owner)).send({ plan: 'starter' })).status).toBe(201);
    const listed = await t.http().get(`/api/tenants/${tenantId}/subscriptions`).set(bearer(owner));
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ tenantId, plan: 'starter' });
    expect((await t.http().get(`/api/tenants/${tenantId}/subscriptions`).set(bearer(member))).status).toBe(403);
  });

  it('moves a user’s personal plan with their own subscription, back to free when it ends', async () => {
    const user = await registerUser(t);
    const created = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'pro' });
    const myPlan = async () => (await t.http().get('/api/users/me/features').set(bearer(user))).body.planKey as string;
    await until(async () => (await myPlan()) === 'pro');
    await subscriptionEvent('customer.subscription.deleted', created.body.providerSubscriptionId, 'canceled');
    await until(async () => (await myPlan()) === 'free');
  });
});
