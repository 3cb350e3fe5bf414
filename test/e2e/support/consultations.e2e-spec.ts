import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { consultationModel } from '../../support/factories/support.js';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('consultations through HTTP', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    type: 'custom-agent',
    company: { name: 'Contoso', size: '201-1000', website: 'https://contoso-ai.com' },
    project: {
      summary: 'An agent that drafts replies to supplier emails.',
      goals: ['save time'],
      budgetRange: '50k-100k',
      timeline: '3-6-months',
    },
    scheduledAt: inDays(5),
    timezone: 'America/New_York',
    ...overrides,
  });
  const post = (user: TestUser, path: string, payload: object) =>
    t.http().post(`/api/support/consultations${path}`).set(bearer(user)).send(payload);
  const meeting = { url: 'https://meet.contoso-ai.com/kickoff', provider: 'teams', dialIn: '+1 555 0100' };

  it('refuses a requested time in the past (or not a time, or past a year) with 400, storing nothing', async () => {
    const customer = await registerUser(t);
    for (const scheduledAt of [inDays(-1), 'next tuesday', inDays(400)]) {
      const response = await post(customer, '', body({ scheduledAt }));
      expect(response.status, scheduledAt).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('scheduledAt');
    }
    expect((await post(customer, '', body({ timezone: 'Mars/Olympus' }))).status).toBe(400);
    expect(await consultationModel(t.app).countDocuments({ requesterId: customer.id })).toBe(0);
  });

  it('lives its life: request, confirm with meeting details, reschedule, complete, feedback once', async () => {
    const customer = await registerUser(t);
    const requested = await post(customer, '', body());
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'requested', type: 'custom-agent', timezone: 'America/New_York' });
    const id = requested.body.id;

    expect((await post(customer, `/${id}/feedback`, { rating: 5 })).status).toBe(409);
    expect((await post(staff, `/${id}/transition`, { action: 'confirm' })).status).toBe(400);
    expect((await post(staff, `/${id}/transition`, { action: 'reschedule', scheduledAt: inDays(6) })).status).toBe(409);

    const confirmed = await post(staff, `/${id}/transition`, { action: 'confirm', meeting });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', meeting });

    const newTime = inDays(7);
    const moved = await post(staff, `/${id}/transition`, { action: 'reschedule', scheduledAt: newTime, reason: 'presenter ill' });
    expect(moved.body).toMatchObject({
      status: 'confirmed',
      scheduledAt: newTime,
      rescheduleCount: 1,
      requestedAt: requested.body.scheduledAt,
    });
    expect((await post(staff, `/${id}/transition`, { action: 'reschedule', scheduledAt: inDays(-1) })).status).toBe(400);

    expect((await post(customer, `/${id}/feedback`, { rating: 5 })).status).toBe(409);
    const completed = await post(staff, `/${id}/transition`, {
      action: 'complete',
      outcome: { summary: 'Scoped a pilot.', nextSteps: ['send proposal'] },
    });
    expect(completed.body).toMatchObject({ status: 'completed', outcome: { summary: 'Scoped a pilot.', nextSteps: ['send proposal'] } });

    expect((await post(staff, `/${id}/feedback`, { rating: 5 })).status).toBe(403);
    const feedback = await post(customer, `/${id}/feedback`, { rating: 5, comment: 'Very useful' });
    expect(feedback.status).toBe(201);
    expect(feedback.body.feedback).toMatchObject({ rating: 5, comment: 'Very useful' });
    const twice = await post(customer, `/${id}/feedback`, { rating: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe('urn:atrium:problem:feedback-given');
    expect((await post(staff, `/${id}/transition`, { action: 'cancel' })).status).toBe(409);

    const stored = await consultationModel(t.app).findById(id).lean();
    expect(stored!.feedback!.rating).toBe(5);
    expect(stored!.audit.map((entry) => `${entry.from}→${entry.to}`)).toEqual([
      'null→requested',
      'requested→confirmed',
      'confirmed→confirmed',
      'confirmed→completed',
    ]);
    expect(stored!.audit[2].reason).toBe('presenter ill');
  });

  it('lets the requester cancel and see only their own consultations', async () => {
    const customer = await registerUser(t);
    const other = await registerUser(t);
    const id = (await post(customer, '', body())).body.id;
    expect((await t.http().get(`/api/support/consultations/${id}`).set(bearer(other))).status).toBe(404);
    expect((await post(other, `/${id}/cancel`, {})).status).toBe(404);
    expect((await t.http().get(`/api/support/consultations/user/${customer.id}`).set(bearer(other))).status).toBe(404);
    const mine = await t.http().get(`/api/support/consultations/user/${customer.id}`).set(bearer(customer));
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const canceled = await post(customer, `/${id}/cancel`, { reason: 'budget frozen' });
    expect(canceled.body.status).toBe('canceled');
    expect((await post(staff, `/${id}/transition`, { action: 'confirm', meeting })).status).toBe(409);
  });

  it('gives staff a calendar by status and meeting time, soonest first', async () => {
    const customer = await registerUser(t);
    const later = (await post(customer, '', body({ scheduledAt: inDays(30), type: 'training' }))).body.id;
    const sooner = (await post(customer, '', body({ scheduledAt: inDays(20), type: 'training' }))).body.id;
    const calendar = await t
      .http()
      .get('/api/support/consultations')
      .query({ type: 'training', from: inDays(10) })
      .set(bearer(staff));
    expect(calendar.body.items.map((item: { id: string }) => item.id)).toEqual([sooner, later]);
    expect((await t.http().get('/api/support/consultations').set(bearer(customer))).status).toBe(403);
  });
});
