import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { consume, userSubject } from '../../support/factories/entitlements.js';
import { addMember, createTenant } from '../../support/factories/tenancy.js';

type UsageLine = {
  featureKey: string;
  used: number;
  limit: number;
  remaining: number;
  period: string;
  periodStart: string;
  resetsAt?: string;
};

const nextMonthUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
};

/** Metering through HTTP: one atomic conditional increment per call, refusals that say when to come back. */
describe('usage metering', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let staff: TestUser;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [owner, member, viewer, outsider, staff] = await Promise.all([
      registerUser(t),
      registerUser(t),
      registerUser(t),
      registerUser(t),
      userWithRole(t, 'staff'),
    ]);
    tenantId = (await createTenant(t, owner)).id;
    await addMember(t, tenantId, owner, member, 'member');
    await addMember(t, tenantId, owner, viewer, 'viewer');
  });
  afterAll(() => t?.close());

  const meter = (caller: TestUser, feature: string, body: Record<string, unknown> = {}, tenant = tenantId) =>
    t.http().post(`/api/tenants/${tenant}/usage/${feature}`).set(bearer(caller)).send(body);

  it('lets exactly the limit through when 100 members consume at once against a limit of 10; the rest are 429 with Retry-After', async () => {
    const startedAt = Date.now();
    const responses = await Promise.all([...Array(100)].map((_, i) => meter(i % 2 ? owner : member, 'ai.generations')));
    const ok = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(ok.map((response) => response.body.used).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const resetsAt = nextMonthUtc();
    const problem = refused[0];
    expect(problem.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(problem.headers['retry-after']);
    // Seconds to the first of next month (UTC), as of some instant between the calls and now.
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((resetsAt.getTime() - startedAt) / 1000));
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor((resetsAt.getTime() - Date.now()) / 1000));
    expect(problem.body).toMatchObject({
      type: 'urn:atrium:problem:quota-exceeded',
      status: 429,
      feature: { key: 'ai.generations' },
      limit: 10,
      used: 10,
      requested: 1,
      resetsAt: resetsAt.toISOString(),
      // The cheapest plan with a higher limit.
      upgradePlan: { key: 'starter', name: 'Starter', price: 900, currency: 'EUR', billingCycle: 'month' },
    });
  });

  it('reports every limited feature’s use this period', async () => {
    const report = await t.http().get(`/api/tenants/${tenantId}/usage`).set(bearer(viewer));
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ subject: { type: 'tenant', id: tenantId }, planKey: 'free' });
    const line = (key: string) => report.body.items.find((item: UsageLine) => item.featureKey === key) as UsageLine;
    expect(line('ai.generations')).toMatchObject({
      used: 10,
      limit: 10,
      remaining: 0,
      period: 'month',
      resetsAt: nextMonthUtc().toISOString(),
    });
    expect(line('api.calls')).toMatchObject({ used: 0, limit: 1000, period: 'day' });
    expect(line('seats')).toMatchObject({ used: 0, limit: 3, period: 'none', periodStart: new Date(0).toISOString() });
    expect(line('seats').resetsAt).toBeUndefined();
    expect(report.body.items.map((item: UsageLine) => item.featureKey)).not.toContain('audit-log');
    expect((await t.http().get(`/api/tenants/${tenantId}/usage`).set(bearer(staff))).status).toBe(200);
    expect((await t.http().get(`/api/tenants/${tenantId}/usage`).set(bearer(outsider))).status).toBe(404);
  });

  it('answers a full cap with 402 limit-reached: waiting does not help, a larger plan does', async () => {
    expect((await meter(owner, 'seats', { units: 3 })).status).toBe(200);
    const full = await meter(owner, 'seats');
    expect(full.status).toBe(402);
    expect(full.body).toMatchObject({ type: 'urn:atrium:problem:limit-reached', limit: 3, used: 3, upgradePlan: { key: 'starter' } });
  });

  it('meters for owners, admins and members only, and validates the request', async () => {
    expect((await meter(viewer, 'api.calls')).status).toBe(403);
    expect((await meter(staff, 'api.calls')).status).toBe(403);
    expect((await meter(outsider, 'api.calls')).status).toBe(404);
    for (const units of [0, -1, 1.5, 'two', 2_000_000])
      expect((await meter(member, 'api.calls', { units })).status, String(units)).toBe(400);
    expect((await meter(member, 'audit-log')).status).toBe(400);
    expect((await meter(member, 'no.such-feature')).status).toBe(404);
    expect((await meter(member, 'Bad_Key')).status).toBe(400);
    const five = await meter(member, 'api.calls', { units: 5 });
    expect(five.body).toMatchObject({ featureKey: 'api.calls', units: 5, used: 5, limit: 1000, remaining: 995 });
    // More than the whole limit at once is refused without touching the counter.
    expect((await meter(member, 'api.calls', { units: 1001 })).status).toBe(429);
    expect((await meter(member, 'api.calls')).body.used).toBe(6);
  });

  it('reports a user’s personal usage, metered by other contexts through Usage', async () => {
    const user = await registerUser(t);
    await consume(t.app, userSubject(user.id), 'ai.generations', 4);
    const report = await t.http().get('/api/users/me/usage').set(bearer(user));
    expect(report.status).toBe(200);
    expect(report.body.subject).toEqual({ type: 'user', id: user.id });
    expect(report.body.items.find((item: UsageLine) => item.featureKey === 'ai.generations')).toMatchObject({
      used: 4,
      limit: 10,
      remaining: 6,
    });
  });
});
