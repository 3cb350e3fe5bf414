import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { activeSkill, bookedSession, sessionModel, shiftSchedule, teacherOf } from '../../support/factories/sessions.js';

/**
 * The room's link and password go to the two participants only, and only inside the join window: from
 * SESSIONS_JOIN_OPENS_MINUTES (15) before the start until the booked end, or while the session runs.
 * Outside it the answer is 409 (the caller may see the session, just not enter yet); anyone else gets 404.
 */
describe('joining a session’s video room', () => {
  let t: TestApp;
  let staff: TestUser;
  let skillId: string;
  let teacher: TestUser;
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    skillId = await activeSkill(t.app);
    teacher = await teacherOf(t, skillId);
  });
  afterAll(() => t?.close());

  const join = (id: string, user: TestUser) => t.http().post(`/api/sessions/${id}/join`).set(bearer(user));
  const booked = (startInMinutes: number) =>
    bookedSession(t, { skillId, teacher, startInMinutes: ++day * 24 * 60 }).then(async (made) => {
      await shiftSchedule(t.app, made.id, startInMinutes);
      return made;
    });

  it('hands both participants the room inside the window and records each side’s first join once', async () => {
    const { id, learner } = await booked(10);
    const first = await join(id, learner);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const stored = await sessionModel(t.app).findById(id).lean();
    expect(first.body).toMatchObject({
      sessionId: id,
      role: 'learner',
      videoRoomId: stored!.videoRoom.videoRoomId,
      joinUrl: stored!.videoRoom.joinUrl,
      password: stored!.videoRoom.password,
      closesAt: stored!.schedule.endTime.toISOString(),
    });
    expect(stored!.activity.joinedAt.learner?.toISOString()).toBe(first.body.joinedAt);
    expect(stored!.activity.joinedAt.teacher).toBeUndefined();

    const again = await join(id, learner);
    expect(again.body.joinedAt, 'a second join keeps the first time').toBe(first.body.joinedAt);
    const asTeacher = await join(id, teacher);
    expect([asTeacher.status, asTeacher.body.role]).toEqual([200, 'teacher']);
    const seen = await t.http().get(`/api/sessions/${id}`).set(bearer(learner));
    expect(seen.body.activity.joinedAt).toEqual({ teacher: asTeacher.body.joinedAt, learner: first.body.joinedAt });
    expect(JSON.stringify(seen.body)).not.toMatch(/joinUrl|password/);
  });

  it('hides the room from anyone else, staff included (404), and from everyone before the window opens (409)', async () => {
    const { id, learner } = await booked(60);
    const stranger = await registerUser(t);
    expect((await join(id, stranger)).status).toBe(404);
    expect((await join(id, staff)).status).toBe(404);
    const early = await join(id, learner);
    expect([early.status, early.body.type]).toEqual([409, 'urn:atrium:problem:join-not-open']);
    expect(JSON.stringify(early.body)).not.toMatch(/meet\.atrium\.local/);
    expect((await join(id, teacher)).status).toBe(409);
    await shiftSchedule(t.app, id, 15);
    expect((await join(id, learner)).status).toBe(200);
    expect((await join(new Types.ObjectId().toString(), learner)).status).toBe(404);
  });

  it('closes after the booked end unless the session runs, and for finished sessions', async () => {
    const late = await booked(-40);
    const closed = await join(late.id, late.learner);
    expect([closed.status, closed.body.type]).toEqual([409, 'urn:atrium:problem:join-closed']);

    const running = await booked(2);
    expect((await t.http().post(`/api/sessions/${running.id}/start`).set(bearer(teacher))).status).toBe(200);
    await shiftSchedule(t.app, running.id, -45);
    expect((await join(running.id, running.learner)).status, 'an overrunning session stays open').toBe(200);
    expect((await t.http().post(`/api/sessions/${running.id}/end`).set(bearer(teacher))).status).toBe(200);
    const ended = await join(running.id, running.learner);
    expect([ended.status, ended.body.type]).toEqual([409, 'urn:atrium:problem:session-closed']);
  });
});
