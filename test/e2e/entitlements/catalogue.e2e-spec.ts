import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

let sequence = 0;
const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}${++sequence}`;

/** The plan and feature catalogue through HTTP: public reads, admin changes, values checked against the feature type. */
describe('plans and features catalogue', () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, staff, user] = await Promise.all([userWithRole(t, 'admin'), userWithRole(t, 'staff'), registerUser(t)]);
  });
  afterAll(() => t?.close());

  it('lists the default plans publicly, each with every feature’s value', async () => {
    const response = await t.http().get('/api/plans');
    expect(response.status).toBe(200);
    const keys = response.body.map((plan: { key: string }) => plan.key);
    expect(keys).toEqual(expect.arrayContaining(['free', 'starter', 'pro', 'pro-yearly', 'agent']));
    const pro = response.body.find((plan: { key: string }) => plan.key === 'pro');
    expect(pro).toMatchObject({ name: 'Pro', price: 2900, currency: 'EUR', billingCycle: 'month', itemType: 'plan', active: true });
    const feature = (k: string) => pro.features.find((f: { key: string }) => f.key === k);
    expect(feature('audit-log')).toMatchObject({ type: 'boolean', value: true, enabled: true, setByPlan: true });
    expect(feature('ai.generations')).toMatchObject({ type: 'limit', value: 2000, period: 'month' });
    expect(feature('seats')).toMatchObject({ value: 50, period: 'none' });
    const free = (await t.http().get('/api/plans/free')).body;
    expect(free.price).toBe(0);
    expect(free.features.find((f: { key: string }) => f.key === 'ai.generations').value).toBe(10);
    expect(free.features.find((f: { key: string }) => f.key === 'audit-log')).toMatchObject({ value: false, enabled: false });
  });

  it('answers 404 for an unknown plan and 400 for a malformed key', async () => {
    expect((await t.http().get('/api/plans/no-such-plan')).status).toBe(404);
    const malformed = await t.http().get('/api/plans/Not_A_Key');
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('urn:atrium:problem:malformed-key');
  });

  it('lets an admin create, change and retire a plan; others may not', async () => {
    const planKey = key('team');
    const body = {
      key: planKey,
      name: 'Team',
      price: 4900,
      currency: 'eur',
      billingCycle: 'month',
      sortOrder: 25,
      metadata: { tier: 'mid' },
    };
    expect((await t.http().post('/api/plans').set(bearer(user)).send(body)).status).toBe(403);
    expect((await t.http().post('/api/plans').set(bearer(staff)).send(body)).status).toBe(403);
    const created = await t.http().post('/api/plans').set(bearer(admin)).send(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      key: planKey,
      currency: 'EUR',
      price: 4900,
      active: true,
      itemType: 'plan',
      metadata: { tier: 'mid' },
    });
    expect((await t.http().post('/api/plans').set(bearer(admin)).send(body)).status).toBe(409);
    // The change is in the audit log, once, with the admin as its actor.
    const logged = await t.http().get(`/api/audit-logs?action=plan.created&targetId=${planKey}`).set(bearer(staff));
    expect(logged.status).toBe(200);
    expect(logged.body.items).toHaveLength(1);
    expect(logged.body.items[0]).toMatchObject({
      action: 'plan.created',
      targetType: 'plan',
      targetId: planKey,
      actor: { id: admin.id, role: 'admin' },
    });

    const changed = await t.http().patch(`/api/plans/${planKey}`).set(bearer(admin)).send({ price: 5900, name: 'Team+' });
    expect(changed.body).toMatchObject({ price: 5900, name: 'Team+' });
    expect((await t.http().get(`/api/plans/${planKey}`)).body.price).toBe(5900);

    await t.http().patch(`/api/plans/${planKey}`).set(bearer(admin)).send({ active: false });
    const onSale = (await t.http().get('/api/plans')).body.map((plan: { key: string }) => plan.key);
    expect(onSale).not.toContain(planKey);
    // Those still on it can read it.
    expect((await t.http().get(`/api/plans/${planKey}`)).body).toMatchObject({ key: planKey, active: false });
    // A retired plan is no longer sold.
    const subscribe = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: planKey });
    expect(subscribe.status).toBe(400);
    expect(subscribe.body.errors).toEqual([{ field: 'plan', message: 'is no longer sold' }]);
    expect((await t.http().patch('/api/plans/no-such-plan').set(bearer(admin)).send({ price: 1 })).status).toBe(404);
  });

  it('refuses plans with bad fields: 400 problems naming the field', async () => {
    const bad = [
      { key: 'Bad Key', name: 'x', price: 1, currency: 'EUR', billingCycle: 'month' },
      { key: key('p'), name: 'x', price: -1, currency: 'EUR', billingCycle: 'month' },
      { key: key('p'), name: 'x', price: 1.5, currency: 'EUR', billingCycle: 'month' },
      { key: key('p'), name: 'x', price: 1, currency: 'XXQ', billingCycle: 'month' },
      { key: key('p'), name: 'x', price: 1, currency: 'EUR', billingCycle: 'week' },
      { key: key('p'), name: 'x'.repeat(101), price: 1, currency: 'EUR', billingCycle: 'month' },
      { key: key('p'), name: 'x', price: 1, currency: 'EUR', billingCycle: 'month', metadata: { nested: { deep: true } } },
      {
        key: key('p'),
        name: 'x',
        price: 1,
        currency: 'EUR',
        billingCycle: 'month',
        metadata: Object.fromEntries([...Array(21)].map((_, i) => [`k${i}`, i])),
      },
    ];
    for (const body of bad) {
      const response = await t.http().post('/api/plans').set(bearer(admin)).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('lets an admin add and change features; staff read them; values are checked against the type', async () => {
    const featureKey = `exports.${key('csv')}`;
    expect((await t.http().get('/api/features').set(bearer(user))).status).toBe(403);
    const create = (body: Record<string, unknown>) => t.http().post('/api/features').set(bearer(admin)).send(body);
    expect((await create({ key: featureKey, name: 'CSV', type: 'limit', defaultValue: 0 })).status).toBe(400); // a limit needs a period
    expect((await create({ key: featureKey, name: 'CSV', type: 'boolean', defaultValue: 5 })).status).toBe(400);
    expect((await create({ key: featureKey, name: 'CSV', type: 'boolean', defaultValue: false, period: 'month' })).status).toBe(400);
    expect((await create({ key: 'X', name: 'CSV', type: 'boolean', defaultValue: false })).status).toBe(400);
    const created = await create({ key: featureKey, name: 'CSV exports', type: 'limit', period: 'day', defaultValue: 2, unit: 'exports' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ key: featureKey, type: 'limit', period: 'day', defaultValue: 2, declaredBy: 'admin' });
    expect((await create({ key: featureKey, name: 'again', type: 'boolean', defaultValue: false })).status).toBe(409);

    const listed = (await t.http().get('/api/features').set(bearer(staff))).body.map((feature: { key: string }) => feature.key);
    expect(listed).toEqual(
      expect.arrayContaining([
        featureKey,
        'audit-log',
        'ai.generations',
        'api.calls',
        'voice.outbound',
        'voice.minutes',
        'seats',
        'priority-support',
      ]),
    );

    expect((await t.http().patch(`/api/features/${featureKey}`).set(bearer(admin)).send({ defaultValue: true })).status).toBe(400);
    const patched = await t.http().patch(`/api/features/${featureKey}`).set(bearer(admin)).send({ defaultValue: 5, name: 'CSV export' });
    expect(patched.body).toMatchObject({ defaultValue: 5, name: 'CSV export' });
    expect((await t.http().patch('/api/features/no.such').set(bearer(admin)).send({ name: 'x' })).status).toBe(404);
  });

  it('sets and removes what a plan gives a feature, refusing values of the wrong type', async () => {
    const put = (plan: string, feature: string, value: unknown) =>
      t.http().put(`/api/plans/${plan}/features/${feature}`).set(bearer(admin)).send({ value });
    for (const [feature, value] of [
      ['audit-log', 3],
      ['seats', true],
      ['seats', -1],
      ['seats', 2.5],
      ['priority-support', 'yes'],
    ] as const) {
      const response = await put('starter', feature, value);
      expect(response.status, `${feature}=${String(value)}`).toBe(400);
    }
    expect((await put('no-plan', 'seats', 3)).status).toBe(404);
    expect((await put('starter', 'no.feature', 3)).status).toBe(404);
    expect((await t.http().put('/api/plans/starter/features/seats').set(bearer(staff)).send({ value: 3 })).status).toBe(403);

    const set = await put('starter', 'priority-support', 2);
    expect(set.status).toBe(200);
    expect(set.body.features.find((f: { key: string }) => f.key === 'priority-support')).toMatchObject({
      value: 2,
      enabled: true,
      setByPlan: true,
    });
    const logged = await t.http().get('/api/audit-logs?action=plan-feature.set&targetId=starter:priority-support').set(bearer(staff));
    expect(logged.body.items[0]).toMatchObject({ targetType: 'plan-feature', after: { value: 2 } });
    const removed = await t.http().delete('/api/plans/starter/features/priority-support').set(bearer(admin));
    expect(removed.status).toBe(204);
    const after = (await t.http().get('/api/plans/starter')).body.features.find((f: { key: string }) => f.key === 'priority-support');
    expect(after).toMatchObject({ value: false, setByPlan: false });
  });

  it('subscribes through the catalogue: an unknown plan is 400, a known one is billed at its catalogue price', async () => {
    const unknown = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'platinum' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'plan', message: 'is not a plan of the catalogue' }]);
    const starter = await t.http().post('/api/subscriptions').set(bearer(user)).send({ plan: 'starter' });
    expect(starter.status).toBe(201);
    expect(starter.body).toMatchObject({ plan: 'starter', amount: 900, currency: 'EUR', interval: 'month' });
  });
});
