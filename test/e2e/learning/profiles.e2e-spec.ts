import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { replayUserEffects } from '../../support/factories/identity.js';
import { catalogueSkill, collectSkillHolders, learnerProfileModel, teaching } from '../../support/factories/learning.js';
import type { SkillHoldersEvent } from '../../../src/modules/learning/index.js';

describe('learner profiles: teaching, learning and availability', () => {
  let t: TestApp;
  let user: TestUser;
  let other: TestUser;
  let staff: TestUser;
  let skills: string[];
  let archived: string;
  let holders: SkillHoldersEvent[];

  beforeAll(async () => {
    t = await startTestApp();
    holders = collectSkillHolders(t.app);
    [user, other, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
    skills = [];
    for (let index = 0; index < 3; index++) skills.push((await catalogueSkill(t.app, staff)).id);
    archived = (await catalogueSkill(t.app, staff, { status: 'archived' })).id;
  });
  afterAll(() => t?.close());

  const put = (path: string, who: TestUser, body: object) => t.http().put(`/api/users/me/${path}`).set(bearer(who)).send(body);

  it('replaces what the caller teaches and learns, and reads it back', async () => {
    const taught = await put('skills/teaching', user, {
      skills: [
        teaching(skills[0], { level: 'expert', hourlyRate: { amount: 5000, currency: 'eur' } }),
        { skillId: skills[1], level: 'beginner' },
      ],
    });
    expect(taught.status, JSON.stringify(taught.body)).toBe(200);
    expect(taught.body.teaching).toEqual([
      {
        skillId: skills[0],
        level: 'expert',
        hourlyRate: { amount: 5000, currency: 'EUR' },
        yearsOfExperience: 4,
        verification: { isVerified: false },
      },
      { skillId: skills[1], level: 'beginner', verification: { isVerified: false } },
    ]);
    const learnt = await put('skills/learning', user, {
      skills: [{ skillId: skills[2], currentLevel: 'beginner', goalLevel: 'advanced', targetDate: '2027-03-01T00:00:00.000Z' }],
    });
    expect(learnt.status).toBe(200);
    const read = await t.http().get(`/api/users/${user.id}/skills`).set(bearer(other));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      userId: user.id,
      teaching: taught.body.teaching,
      learning: [{ skillId: skills[2], currentLevel: 'beginner', goalLevel: 'advanced', targetDate: '2027-03-01T00:00:00.000Z' }],
      standing: { rating: null, ratingCount: 0, sessionsTaught: 0 },
    });
    // Replacing with a shorter list drops the rest.
    expect((await put('skills/teaching', user, { skills: [teaching(skills[1], { level: 'beginner' })] })).body.teaching).toHaveLength(1);
  });

  it('owes the skill-holder counts of each skill whose holders changed, absolute and timestamped', async () => {
    holders.length = 0;
    const teacher = await registerUser(t);
    await put('skills/teaching', teacher, { skills: [teaching(skills[0])] });
    await put('skills/learning', other, { skills: [{ skillId: skills[0], goalLevel: 'expert', targetDate: '2027-01-01T00:00:00Z' }] });
    const forSkill = holders.filter((event) => event.heldSkillId === skills[0]);
    // The first user stopped teaching skills[0] above; now the new teacher teaches it and `other` learns it.
    expect(forSkill.map(({ teacherCount, learnerCount }) => ({ teacherCount, learnerCount }))).toEqual([
      { teacherCount: 1, learnerCount: 0 },
      { teacherCount: 1, learnerCount: 1 },
    ]);
    expect(Number.isNaN(Date.parse(forSkill[1].holdersCountedAt))).toBe(false);
    // Setting the same list again moves no count, so it owes nothing.
    holders.length = 0;
    await put('skills/teaching', teacher, { skills: [teaching(skills[0], { hourlyRate: { amount: 100, currency: 'USD' } })] });
    expect(holders).toEqual([]);
  });

  it('refuses unknown and non-active skills with 422 naming them, and a repeated skill with 400', async () => {
    const unknown = new Types.ObjectId().toString();
    const refused = await put('skills/teaching', user, { skills: [teaching(skills[0]), teaching(unknown), teaching(archived)] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: 'urn:atrium:problem:unknown-skills', skillIds: [unknown, archived] });
    const learning = await put('skills/learning', user, {
      skills: [{ skillId: unknown, goalLevel: 'expert', targetDate: '2027-01-01T00:00:00Z' }],
    });
    expect(learning.status).toBe(422);
    const twice = await put('skills/teaching', user, { skills: [teaching(skills[0]), teaching(skills[0], { level: 'expert' })] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ field: 'skills.1.skillId', message: 'appears earlier in the list' }]);
    for (const bad of [
      { skills: [teaching(skills[0], { level: 'guru' as never })] },
      { skills: [teaching(skills[0], { hourlyRate: { amount: 12.5, currency: 'EUR' } })] },
      { skills: [teaching(skills[0], { hourlyRate: { amount: 100, currency: 'XYZ' } })] },
      { skills: Array.from({ length: 51 }, () => teaching(skills[0])) },
    ])
      expect((await put('skills/teaching', user, bad)).status).toBe(400);
  });

  it('keeps a verification while the level stays, and drops it when the level changes', async () => {
    const teacher = await registerUser(t);
    await put('skills/teaching', teacher, { skills: [teaching(skills[0]), teaching(skills[1])] });
    for (const skill of [skills[0], skills[1]])
      expect((await t.http().post(`/api/users/${teacher.id}/skills/teaching/${skill}/verify`).set(bearer(staff))).status).toBe(200);
    const changed = await put('skills/teaching', teacher, {
      skills: [
        teaching(skills[0], { hourlyRate: { amount: 9900, currency: 'EUR' }, yearsOfExperience: 9 }),
        teaching(skills[1], { level: 'expert' }),
      ],
    });
    expect(changed.body.teaching.map((skill: { verification: { isVerified: boolean } }) => skill.verification.isVerified)).toEqual([
      true,
      false,
    ]);
    expect(changed.body.teaching[0].verification).toMatchObject({ verifiedBy: staff.id });
  });

  it('sets weekly availability, shown only to the user and staff', async () => {
    const body = {
      timezone: 'Europe/Berlin',
      slots: [
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '12:00', end: '13:30' },
        { day: 5, start: '18:00', end: '24:00' },
      ],
    };
    const set = await put('availability', user, body);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.availability).toEqual(body);
    expect((await t.http().get(`/api/users/${user.id}/skills`).set(bearer(user))).body.availability).toEqual(body);
    expect((await t.http().get(`/api/users/${user.id}/skills`).set(bearer(staff))).body.availability).toEqual(body);
    const seenByOther = await t.http().get(`/api/users/${user.id}/skills`).set(bearer(other));
    expect(seenByOther.status).toBe(200);
    expect(seenByOther.body).not.toHaveProperty('availability');
  });

  it('refuses a bad time zone, a window ending before it starts and overlapping windows with 400', async () => {
    const slot = { day: 2, start: '09:00', end: '10:00' };
    const badZone = await put('availability', user, { timezone: 'Mars/Olympus_Mons', slots: [slot] });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].field).toBe('timezone');
    const backwards = await put('availability', user, { timezone: 'UTC', slots: [{ day: 2, start: '10:00', end: '09:00' }] });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'slots.0.end', message: 'must be after start' }]);
    const overlapping = await put('availability', user, { timezone: 'UTC', slots: [slot, { day: 2, start: '09:30', end: '11:00' }] });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.errors).toEqual([{ field: 'slots.1', message: 'overlaps slots.0' }]);
    for (const bad of [
      { timezone: 'UTC', slots: [{ day: 7, start: '09:00', end: '10:00' }] },
      { timezone: 'UTC', slots: [{ day: 1, start: '9:00', end: '10:00' }] },
      { timezone: 'UTC', slots: [{ day: 1, start: '24:00', end: '24:00' }] },
      { timezone: 'UTC', slots: Array.from({ length: 51 }, (_, index) => ({ day: index % 7, start: '00:00', end: '00:01' })) },
    ])
      expect((await put('availability', user, bad)).status).toBe(400);
  });

  it('answers empty lists for a user without a profile, 404 for an id that is no user, 401 when signed out', async () => {
    const fresh = await registerUser(t);
    expect((await t.http().get(`/api/users/${fresh.id}/skills`).set(bearer(user))).body).toEqual({
      userId: fresh.id,
      teaching: [],
      learning: [],
      standing: { rating: null, ratingCount: 0, sessionsTaught: 0 },
    });
    expect((await t.http().get(`/api/users/${new Types.ObjectId().toString()}/skills`).set(bearer(user))).status).toBe(404);
    expect((await t.http().get(`/api/users/not-an-id/skills`).set(bearer(user))).status).toBe(400);
    expect((await t.http().get(`/api/users/${user.id}/skills`)).status).toBe(401);
  });

  it('erases the profile when its user deletes their account, and a replay finds nothing more to do', async () => {
    const leaving = await registerUser(t);
    await put('skills/teaching', leaving, { skills: [teaching(skills[2])] });
    expect(await learnerProfileModel(t.app).countDocuments({ userId: new Types.ObjectId(leaving.id) })).toBe(1);
    holders.length = 0;
    expect((await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password })).status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    expect(await learnerProfileModel(t.app).countDocuments({ userId: new Types.ObjectId(leaving.id) })).toBe(0);
    // The skill lost its teacher: the count that dropped was delivered before the profile went.
    expect(holders.filter((event) => event.heldSkillId === skills[2]).map((event) => event.teacherCount)).toEqual([0]);
    expect((await t.http().get(`/api/users/${leaving.id}/skills`).set(bearer(user))).status).toBe(404);
    await replayUserEffects(t.app, leaving.id);
    await t.app.get(EffectsRelay).sweep();
    expect(await learnerProfileModel(t.app).countDocuments({ userId: new Types.ObjectId(leaving.id) })).toBe(0);
    expect((await t.app.get(EffectsRelay).dead()).filter((effect) => effect.name.endsWith('>learning'))).toEqual([]);
  });
});
