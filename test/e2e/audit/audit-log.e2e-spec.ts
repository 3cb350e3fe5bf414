import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { auditModel, entriesAbout, recordedEntry } from '../../support/factories/audit.js';
import { succeededPayment } from '../../support/factories/billing.js';

interface EntryBody {
  id: string;
  actor: { id?: string; role: string };
  action: string;
  targetType: string;
  targetId: string;
  tenantId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  changedFields: string[];
  ip?: string;
  userAgent?: string;
  requestId: string;
  createdAt: string;
}

/** Privileged actions leave exactly one entry each, readable by staff only, filtered and cursor-paged, never changed. */
describe('audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;
  let user: TestUser;

  const list = (query: Record<string, string>, caller: TestUser = staff) =>
    t.http().get('/api/audit-logs').query(query).set(bearer(caller));

  beforeAll(async () => {
    t = await startTestApp();
    [admin, staff, user] = await Promise.all([userWithRole(t, 'admin'), userWithRole(t, 'staff'), registerUser(t)]);
  });
  afterAll(() => t?.close());

  it('records an admin’s role change once, with only the changed field, the caller and the request, and no secret', async () => {
    const target = await registerUser(t);
    const changed = await t
      .http()
      .patch(`/api/users/${target.id}/role`)
      .set(bearer(admin))
      .set('User-Agent', 'audit-e2e/1.0')
      .send({ role: 'staff' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const response = await list({ targetId: target.id });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    const [entry] = response.body.items as EntryBody[];
    expect(entry).toMatchObject({
      actor: { id: admin.id, role: 'admin' },
      action: 'user.role-changed',
      targetType: 'user',
      targetId: target.id,
      before: { role: 'user' },
      after: { role: 'staff' },
      changedFields: ['role'],
      userAgent: 'audit-e2e/1.0',
    });
    expect(entry.ip).toBeTruthy();
    expect(entry.requestId).toBeTruthy();
    expect(Date.now() - new Date(entry.createdAt).getTime()).toBeLessThan(60_000);
    expect(JSON.stringify(entry)).not.toMatch(/password|hash|token|\$argon/i);
    expect(await entriesAbout(t.app, target.id)).toHaveLength(1);
  });

  it('records a staff refund once, on the payment, with the amounts before and after', async () => {
    const payment = await succeededPayment(t.app, { id: user.id });
    const refunded = await t
      .http()
      .post(`/api/payments/${payment.id}/refund`)
      .set(bearer(staff))
      .set('Idempotency-Key', `audit-refund-${payment.id}`)
      .send({ amount: 1000, reason: 'Goodwill' });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(201);

    const entries = (await list({ targetId: payment.id })).body.items as EntryBody[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { id: staff.id, role: 'staff' },
      action: 'refund.issued',
      targetType: 'payment',
      before: { status: 'succeeded', refundedAmount: 0 },
      after: { status: 'partially_refunded', refundedAmount: 1000, refundId: refunded.body.id, refundAmount: 1000, reason: 'Goodwill' },
    });
  });

  it('records a job run requested by an admin', async () => {
    const run = await t.http().post('/api/admin/jobs/audit-log.purge/run').set(bearer(admin));
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    const entries = (await list({ action: 'job.run-requested', targetId: 'audit-log.purge' })).body.items as EntryBody[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { id: admin.id, role: 'admin' }, targetType: 'job', after: { tick: run.body.tick } });
  });

  it('filters by actor, exact action, action prefix, target, tenant and time', async () => {
    const marker = `filters-${new Types.ObjectId().toString().slice(-8)}`;
    const tenantId = new Types.ObjectId().toString();
    const a = await recordedEntry(t.app, admin, { action: 'plan.created', targetType: marker, targetId: `${marker}-a` });
    const b = await recordedEntry(t.app, staff, { action: 'plan.updated', targetType: marker, targetId: `${marker}-b`, tenantId });
    const c = await recordedEntry(t.app, 'system', { action: 'feature.created', targetType: marker, targetId: `${marker}-c` });
    const ids = async (query: Record<string, string>) => {
      const response = await list({ targetType: marker, ...query });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body.items as EntryBody[]).map((entry) => entry.targetId);
    };

    expect(await ids({})).toEqual([c.targetId, b.targetId, a.targetId]);
    expect(await ids({ actor: admin.id })).toEqual([a.targetId]);
    expect(await ids({ actor: 'system' })).toEqual([c.targetId]);
    expect(await ids({ action: 'plan.updated' })).toEqual([b.targetId]);
    expect(await ids({ action: 'plan.' })).toEqual([b.targetId, a.targetId]);
    expect(await ids({ targetId: a.targetId })).toEqual([a.targetId]);
    expect(await ids({ tenantId })).toEqual([b.targetId]);
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(await ids({ from: future })).toEqual([]);
    expect(await ids({ from: past, to: future })).toHaveLength(3);
    expect(await ids({ to: past })).toEqual([]);
    // A range that ends before it starts holds nothing; it is not a malformed question.
    expect(await ids({ from: future, to: past })).toEqual([]);
  });

  it('pages newest first by cursor, every entry once', async () => {
    const marker = `paging-${new Types.ObjectId().toString().slice(-8)}`;
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await recordedEntry(t.app, admin, { targetType: marker })).targetId);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const response = await list({ targetType: marker, limit: '2', ...(after ? { after } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.limit).toBe(2);
      seen.push(...(response.body.items as EntryBody[]).map((entry) => entry.targetId));
      after = response.body.nextCursor ?? undefined;
      if (!after) break;
    }
    expect(seen).toEqual([...written].reverse());
  });

  it('answers 400 problems for bad filters', async () => {
    const bad: Record<string, string>[] = [
      { action: 'Not An Action' },
      { actor: 'someone' },
      { tenantId: 'nope' },
      { from: 'yesterday' },
      { after: 'not-a-cursor' },
      { limit: '1000' },
      { targetId: 'x'.repeat(200) },
    ];
    for (const query of bad) {
      const response = await list(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('shows one entry to staff; 404 for an unknown one, 400 for a malformed id', async () => {
    const input = await recordedEntry(t.app, admin);
    const [stored] = await entriesAbout(t.app, input.targetId);
    const one = await t.http().get(`/api/audit-logs/${stored._id.toString()}`).set(bearer(staff));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: stored._id.toString(), action: 'tenant.updated', targetId: input.targetId });
    expect((await t.http().get(`/api/audit-logs/${new Types.ObjectId().toString()}`).set(bearer(staff))).status).toBe(404);
    expect((await t.http().get('/api/audit-logs/nope').set(bearer(staff))).status).toBe(400);
  });

  it('is staff-only: a user gets 403, an anonymous caller 401', async () => {
    expect((await list({}, user)).status).toBe(403);
    expect((await t.http().get('/api/audit-logs')).status).toBe(401);
    const [any] = await auditModel(t.app).find().limit(1).lean();
    expect((await t.http().get(`/api/audit-logs/${any._id.toString()}`).set(bearer(user))).status).toBe(403);
  });

  it('has no route that changes or removes an entry', async () => {
    const auditRoutes = t.routes.filter((route) => /audit-logs/.test(route));
    expect(auditRoutes.sort()).toEqual(
      ['GET /api/audit-logs', 'GET /api/audit-logs/{entryId}', 'GET /api/tenants/{tenantId}/audit-logs'].sort(),
    );
    const [entry] = await auditModel(t.app).find().limit(1).lean();
    const path = `/api/audit-logs/${entry._id.toString()}`;
    for (const method of ['put', 'patch', 'delete'] as const) {
      const response = await t.http()[method](path).set(bearer(admin)).send({ action: 'plan.created' });
      // The path exists for GET only: any other method is refused before reaching the log.
      expect([404, 405], method).toContain(response.status);
    }
    expect(await auditModel(t.app).findById(entry._id).lean()).toEqual(entry);
  });
});
