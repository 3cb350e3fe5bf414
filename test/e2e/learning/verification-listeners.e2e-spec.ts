import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { leaveOwed, replayUserEffects } from '../../support/factories/identity.js';
import { catalogueSkill, learn, learnerProfileModel, learning, teach, teaching } from '../../support/factories/learning.js';

describe('staff verification of teaching skills and reactions to other contexts', () => {
  let t: TestApp;
  let staff: TestUser;
  let teacher: TestUser;
  let skills: string[];

  beforeAll(async () => {
    t = await startTestApp();
    [staff, teacher] = await Promise.all([userWithRole(t, 'staff'), registerUser(t)]);
    skills = [(await catalogueSkill(t.app, staff)).id, (await catalogueSkill(t.app, staff)).id];
  });
  afterAll(() => t?.close());

  const verify = (userId: string, skillId: string, who: TestUser) =>
    t.http().post(`/api/users/${userId}/skills/teaching/${skillId}/verify`).set(bearer(who));

  it('lets staff verify a teaching skill from the queue, refuses users (403), self-verification (403) and skills not taught (404)', async () => {
    const waitingFirst = await registerUser(t);
    await teach(t.app, waitingFirst, [teaching(skills[1])]);
    await teach(t.app, teacher, [teaching(skills[0]), teaching(skills[1], { level: 'expert' })]);
    const queue = await t.http().get('/api/learning/verifications').set(bearer(staff));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { userId: string; skills: unknown[] }) => [item.userId, item.skills.length])).toEqual([
      [waitingFirst.id, 1],
      [teacher.id, 2],
    ]);
    expect((await t.http().get('/api/learning/verifications').set(bearer(teacher))).status).toBe(403);

    expect((await verify(teacher.id, skills[0], teacher)).status).toBe(403);
    const done = await verify(teacher.id, skills[0], staff);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ skillId: skills[0], verification: { isVerified: true, verifiedBy: staff.id } });
    // Again is harmless and keeps the first verification.
    expect((await verify(teacher.id, skills[0], staff)).body.verification.verifiedAt).toBe(done.body.verification.verifiedAt);
    expect((await verify(waitingFirst.id, skills[0], staff)).status).toBe(404);
    await teach(t.app, staff, [teaching(skills[0])]);
    expect((await verify(staff.id, skills[0], staff)).status).toBe(403);

    const after = await t.http().get('/api/learning/verifications').set(bearer(staff));
    const entry = after.body.items.find((item: { userId: string }) => item.userId === teacher.id);
    expect(entry.skills.map((skill: { skillId: string }) => skill.skillId)).toEqual([skills[1]]);
  });

  it('keeps only the newest teacher standing, however often or late the events arrive', async () => {
    const relay = t.app.get(EffectsRelay);
    const carrier = await registerUser(t);
    const event = (at: string, rating: number, count: number) => ({
      teacherId: teacher.id,
      teacherRating: rating,
      teacherRatingCount: count,
      sessionsTaught: count,
      teacherStandingAt: at,
    });
    const owe = (key: string, payload: Record<string, unknown>) =>
      leaveOwed(t.app, carrier.id, { key: `${key}>learning`, name: 'sessions.teacher-standing>learning', payload });
    const standingOf = async () =>
      (await t.http().get(`/api/users/${teacher.id}/skills`).set(bearer(carrier))).body.standing as Record<string, unknown>;

    await owe('standing-2', event('2026-11-02T10:00:00.000Z', 4.2, 5));
    await relay.sweep();
    expect(await standingOf()).toEqual({ rating: 4.2, ratingCount: 5, sessionsTaught: 5 });
    // An older standing delivered late changes nothing.
    await owe('standing-1', event('2026-11-01T10:00:00.000Z', 2, 1));
    await relay.sweep();
    expect(await standingOf()).toEqual({ rating: 4.2, ratingCount: 5, sessionsTaught: 5 });
    // Every effect replayed, as after a crash before they were marked done: still the newest.
    await replayUserEffects(t.app, carrier.id);
    await relay.sweep();
    expect(await standingOf()).toEqual({ rating: 4.2, ratingCount: 5, sessionsTaught: 5 });
    await owe('standing-3', event('2026-11-03T10:00:00.000Z', 4.5, 6));
    await relay.sweep();
    expect(await standingOf()).toEqual({ rating: 4.5, ratingCount: 6, sessionsTaught: 6 });
    // A teacher who never set up a profile gets one holding the standing.
    const newcomer = await registerUser(t);
    await leaveOwed(t.app, carrier.id, {
      key: 'standing-newcomer>learning',
      name: 'sessions.teacher-standing>learning',
      payload: { ...event('2026-11-03T10:00:00.000Z', 5, 1), teacherId: newcomer.id },
    });
    await relay.sweep();
    expect(await learnerProfileModel(t.app).countDocuments({ userId: new Types.ObjectId(newcomer.id), 'standing.rating': 5 })).toBe(1);
  });

  it('drops a skill removed from the catalogue from every teaching and learning list', async () => {
    const doomed = (await catalogueSkill(t.app, staff)).id;
    const student = await registerUser(t);
    await teach(t.app, teacher, [teaching(skills[0]), teaching(doomed)]);
    await learn(t.app, student, [learning(doomed), learning(skills[1])]);
    expect((await t.http().delete(`/api/skills/${doomed}`).set(bearer(staff))).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    const read = async (user: TestUser) => (await t.http().get(`/api/users/${user.id}/skills`).set(bearer(staff))).body;
    expect((await read(teacher)).teaching.map((skill: { skillId: string }) => skill.skillId)).toEqual([skills[0]]);
    expect((await read(student)).learning.map((skill: { skillId: string }) => skill.skillId)).toEqual([skills[1]]);
    expect(await learnerProfileModel(t.app).countDocuments({ 'teachingSkills.skill': new Types.ObjectId(doomed) })).toBe(0);
  });
});
