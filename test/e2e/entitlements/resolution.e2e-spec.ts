import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';
import { until } from '../../support/wait.js';

type Entitlement = { key: string; value: boolean | number; enabled: boolean; source: string; planKey?: string; expiresAt?: string };
const find = (body: { features: Entitlement[] }, key: string) => body.features.find((feature) => feature.key === key)!;

/** Effective values: an unexpired override, else the plan, else the feature default; for tenants and for users. */
describe('entitlement resolution', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let staff: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, member, outsider, staff] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
    tenantId = (await createTenant(t, owner)).id;
    await addMember(t, tenantId, owner, member, 'member');
  });
  afterAll(() => t?.close());

  const tenantFeatures = async (caller: TestUser = member) => {
    const response = await t.http().get(`/api/tenants/${tenantId}/features`).set(bearer(caller));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { subject: { type: string; id: string }; planKey: string; features: Entitlement[] };
  };

  it('starts a tenant on free: plan values where the plan sets them, defaults elsewhere', async () => {
    const body = await tenantFeatures();
    expect(body).toMatchObject({ subject: { type: 'tenant', id: tenantId }, planKey: 'free' });
    expect(find(body, 'ai.generations')).toMatchObject({ value: 10, source: 'plan', planKey: 'free', enabled: true });
    expect(find(body, 'audit-log')).toMatchObject({ value: false, source: 'plan', enabled: false });
    expect(find(body, 'priority-support')).toMatchObject({ value: false, source: 'default', enabled: false });
    expect(find(body, 'priority-support').planKey).toBeUndefined();
  });

  it('applies a staff override until the second it expires, then falls back to the plan without any job', async () => {
    // Seconds enough for the three requests below to land before it on a busy machine.
    const expiresAt = new Date(Date.now() + 5_000).toISOString();
    const set = await t
      .http()
      .put(`/api/tenants/${tenantId}/features/ai.generations`)
      .set(bearer(staff))
      .send({ value: 500, expiresAt, reason: 'Launch week' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({
      tenantId,
      featureKey: 'ai.generations',
      value: 500,
      expiresAt,
      reason: 'Launch week',
      createdBy: staff.id,
    });

    expect(find(await tenantFeatures(), 'ai.generations')).toMatchObject({ value: 500, source: 'override', expiresAt });
    // The gate-side read (one feature) sees the override too: metering counts against 500.
    const metered = await t.http().post(`/api/tenants/${tenantId}/usage/ai.generations`).set(bearer(member)).send({ units: 11 });
    expect(metered.status, JSON.stringify(metered.body)).toBe(200);
    expect(metered.body).toMatchObject({ used: 11, limit: 500 });

    let seen: Entitlement | undefined;
    await until(async () => {
      seen = find(await tenantFeatures(), 'ai.generations');
      return seen.source !== 'override';
    }, 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(expiresAt).getTime());
    expect(seen).toMatchObject({ value: 10, source: 'plan', planKey: 'free' });
    expect(seen?.expiresAt).toBeUndefined();
  });

  it('keeps an override without expiry until staff remove it, and lets it turn a plan feature off', async () => {
    await t.http().put(`/api/tenants/${tenantId}/features/audit-log`).set(bearer(staff)).send({ value: true }).expect(200);
    expect(find(await tenantFeatures(), 'audit-log')).toMatchObject({ value: true, source: 'override', enabled: true });
    // Replacing it keeps one override per tenant and feature.
    await t.http().put(`/api/tenants/${tenantId}/features/seats`).set(bearer(staff)).send({ value: 0 }).expect(200);
    await t.http().put(`/api/tenants/${tenantId}/features/seats`).set(bearer(staff)).send({ value: 7 }).expect(200);
    expect(await t.connection.collection('tenantfeatures').countDocuments({ featureKey: 'seats' })).toBe(1);
    expect(find(await tenantFeatures(), 'seats')).toMatchObject({ value: 7, source: 'override' });

    await t.http().delete(`/api/tenants/${tenantId}/features/audit-log`).set(bearer(staff)).expect(204);
    expect(find(await tenantFeatures(), 'audit-log')).toMatchObject({ value: false, source: 'plan' });
    // Removing what is not there is still a success: no override remains.
    await t.http().delete(`/api/tenants/${tenantId}/features/audit-log`).set(bearer(staff)).expect(204);
  });

  it('refuses overrides from the tenant itself (403), outsiders (404) and values that do not fit (400)', async () => {
    const put = (caller: TestUser, feature: string, body: Record<string, unknown>, tenant = tenantId) =>
      t.http().put(`/api/tenants/${tenant}/features/${feature}`).set(bearer(caller)).send(body);
    expect((await put(owner, 'audit-log', { value: true })).status).toBe(403);
    expect((await put(member, 'audit-log', { value: true })).status).toBe(403);
    expect((await put(outsider, 'audit-log', { value: true })).status).toBe(404);
    expect((await t.http().get(`/api/tenants/${tenantId}/features`).set(bearer(outsider))).status).toBe(404);
    const bad: [string, Record<string, unknown>][] = [
      ['audit-log', { value: 5 }],
      ['seats', { value: true }],
      ['seats', { value: -3 }],
      ['seats', { value: 'ten' }],
      ['audit-log', {}],
      ['audit-log', { value: true, expiresAt: new Date(Date.now() - 60_000).toISOString() }],
      ['audit-log', { value: true, expiresAt: 'tomorrow' }],
      ['audit-log', { value: true, reason: 'x'.repeat(501) }],
    ];
    for (const [feature, body] of bad) {
      const response = await put(staff, feature, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await put(staff, 'no.such-feature', { value: true })).status).toBe(404);
  });

  it('resolves a user’s personal plan: free at first, the subscribed plan once billing reports it', async () => {
    const user = await registerUser(t);
    const mine = async () => (await t.http().get('/api/users/me/features').set(bearer(user))).body;
    const before = await mine();
    expect(before).toMatchObject({ subject: { type: 'user', id: user.id }, planKey: 'free' });
    expect(find(before, 'ai.generations')).toMatchObject({ value: 10, source: 'plan' });
    expect((await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'pro' })).status).toBe(201);
    await until(async () => (await mine()).planKey === 'pro');
    expect(find(await mine(), 'ai.generations')).toMatchObject({ value: 2000, source: 'plan', planKey: 'pro' });
    expect(find(await mine(), 'voice.outbound')).toMatchObject({ value: true, enabled: true });
    expect((await t.http().get('/api/users/me/features')).status).toBe(401);
  });
});
