import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { activeSkill, bookedSession, sessionModel, teach, teacherOf } from '../../support/factories/sessions.js';

const DAY = 24 * 60;

describe('session lists and statistics: only the caller’s own', () => {
  let t: TestApp;
  let staff: TestUser;
  let teacher: TestUser;
  let learner: TestUser;
  let ids: { upcoming: string; cancelled: string; completed: string; taught: string };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    const skillId = await activeSkill(t.app);
    teacher = await teacherOf(t, skillId);
    learner = await registerUser(t);
    const upcoming = await bookedSession(t, { skillId, teacher, learner, startInMinutes: 2 * DAY });
    const cancelled = await bookedSession(t, { skillId, teacher, learner, startInMinutes: 3 * DAY });
    await t.http().post(`/api/sessions/${cancelled.id}/cancel`).set(bearer(teacher)).send({ reason: 'Conference' });
    const completed = await bookedSession(t, { skillId, teacher, learner, startInMinutes: 2 });
    await t.http().post(`/api/sessions/${completed.id}/start`).set(bearer(teacher));
    await t.http().post(`/api/sessions/${completed.id}/end`).set(bearer(teacher));
    await sessionModel(t.app).updateOne({ _id: completed.session.id }, { $set: { 'activity.heldMinutes': 25 } });
    // The learner also teaches: one session where the roles are the other way round.
    const otherSkill = await activeSkill(t.app);
    await teach(t, learner, otherSkill);
    const student = await registerUser(t);
    const taught = await bookedSession(t, { skillId: otherSkill, teacher: learner, learner: student, startInMinutes: 5 * DAY + 60 });
    ids = { upcoming: upcoming.id, cancelled: cancelled.id, completed: completed.id, taught: taught.id };
  });
  afterAll(() => t?.close());

  const get = (path: string, user: TestUser) => t.http().get(path).set(bearer(user));
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  it('lists only the sessions the caller takes part in, with role, status and time filters', async () => {
    const all = await get('/api/sessions', learner);
    expect(all.status).toBe(200);
    expect(idsOf(all.body).sort()).toEqual(Object.values(ids).sort());
    expect(idsOf((await get('/api/sessions?role=teacher', learner)).body)).toEqual([ids.taught]);
    expect(idsOf((await get('/api/sessions?status=cancelled', learner)).body)).toEqual([ids.cancelled]);
    const from = new Date(Date.now() + DAY * 60_000).toISOString();
    const to = new Date(Date.now() + 4 * DAY * 60_000).toISOString();
    expect(idsOf((await get(`/api/sessions?from=${from}&to=${to}`, learner)).body).sort()).toEqual([ids.upcoming, ids.cancelled].sort());
    const stranger = await registerUser(t);
    expect((await get('/api/sessions', stranger)).body).toMatchObject({ items: [], total: 0 });
    expect((await get('/api/sessions?status=unknown', learner)).status).toBe(400);
    expect((await get('/api/sessions?from=yesterday', learner)).status).toBe(400);
    const everyone = await get('/api/sessions?limit=100', staff);
    expect(idsOf(everyone.body)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it('my-sessions, upcoming (soonest first) and history split the caller’s sessions', async () => {
    expect((await get('/api/sessions/my-sessions', teacher)).body.total).toBe(3);
    expect(idsOf((await get('/api/sessions/upcoming', learner)).body)).toEqual([ids.upcoming, ids.taught]);
    expect(idsOf((await get('/api/sessions/upcoming?role=learner', learner)).body)).toEqual([ids.upcoming]);
    expect(idsOf((await get('/api/sessions/history', learner)).body).sort()).toEqual([ids.cancelled, ids.completed].sort());
    expect((await get('/api/sessions/history?role=nobody', learner)).status).toBe(400);
  });

  it('counts the caller’s sessions by status and minutes taught and learned; scope=all is for staff', async () => {
    const mine = await get('/api/sessions/statistics', learner);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      scope: 'mine',
      total: 4,
      byStatus: { scheduled: 2, completed: 1, cancelled: 1, ongoing: 0, paused: 0, no_show: 0 },
      minutesTaught: 0,
      minutesLearned: 25,
      upcoming: 2,
    });
    expect((await get('/api/sessions/statistics', teacher)).body).toMatchObject({
      total: 3,
      minutesTaught: 25,
      minutesLearned: 0,
      upcoming: 1,
    });
    expect((await get('/api/sessions/statistics?scope=all', learner)).status).toBe(403);
    const global = await get('/api/sessions/statistics?scope=all', staff);
    expect([global.status, global.body.scope]).toEqual([200, 'all']);
    expect(global.body.total).toBeGreaterThanOrEqual(4);
    expect(global.body.minutesTaught).toBeGreaterThanOrEqual(25);
  });
});
