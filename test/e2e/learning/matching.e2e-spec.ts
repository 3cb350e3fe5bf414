import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { available, catalogueSkill, learn, learning, standing, teach, teaching } from '../../support/factories/learning.js';

/**
 * The first December Monday after today, at 00:00 UTC. The zones' offsets below are their winter ones, and a
 * period may start from a day ago to a year on, so the week it opens is always one the API accepts, even
 * when the run crosses midnight.
 */
function decemberMonday(): Date {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCMonth() !== 11 || day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/** A crafted set: four teachers of one skill whose scores differ in every part, and a learner with Monday mornings free. */
describe('matching, leaderboards and learning paths', () => {
  let t: TestApp;
  let staff: TestUser;
  let learner: TestUser;
  let teachers: TestUser[];
  let skill: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    learner = await registerUser(t);
    teachers = [];
    for (let index = 0; index < 4; index++) teachers.push(await registerUser(t));
    skill = (await catalogueSkill(t.app, staff)).id;
    const [expert, free, cheap, dear] = teachers;
    await teach(t.app, expert, [teaching(skill, { level: 'expert', hourlyRate: { amount: 6000, currency: 'EUR' } })]);
    await teach(t.app, free, [{ skillId: skill, level: 'intermediate' }]);
    await teach(t.app, cheap, [teaching(skill, { level: 'advanced', hourlyRate: { amount: 3000, currency: 'EUR' } })]);
    await teach(t.app, dear, [teaching(skill, { level: 'beginner', hourlyRate: { amount: 9000, currency: 'EUR' } })]);
    // In December: Berlin is UTC+1, Tokyo UTC+9, New York UTC−5. The learner is free Monday 09:00–13:00 UTC.
    await available(t.app, learner, { timezone: 'UTC', slots: [{ day: 1, start: '09:00', end: '13:00' }] });
    await available(t.app, expert, { timezone: 'Europe/Berlin', slots: [{ day: 1, start: '10:00', end: '12:00' }] }); // 120 min shared
    await available(t.app, free, { timezone: 'Asia/Tokyo', slots: [{ day: 1, start: '18:00', end: '22:00' }] }); // 240 min shared
    await available(t.app, dear, { timezone: 'America/New_York', slots: [{ day: 1, start: '07:00', end: '08:00' }] }); // 60 min shared
    await standing(t.app, expert.id, { rating: 4.5, ratingCount: 10, sessionsTaught: 12 });
    await standing(t.app, cheap.id, { rating: 5, ratingCount: 2, sessionsTaught: 30 });
    await standing(t.app, dear.id, { rating: 4, ratingCount: 5, sessionsTaught: 5 });
    // The learner teaches the skill too: matching leaves the caller out.
    await teach(t.app, learner, [teaching(skill, { level: 'expert', hourlyRate: { amount: 1, currency: 'EUR' } })]);
  });
  afterAll(() => t?.close());

  it('ranks the teachers of a skill by level, rating, price and shared availability, showing each part', async () => {
    const monday = decemberMonday();
    const from = monday.toISOString();
    const weekLater = new Date(monday.getTime() + 7 * 86_400_000).toISOString();
    const answer = await t.http().get('/api/matching/teachers').query({ skillId: skill, from, to: weekLater }).set(bearer(learner));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [expert, free, cheap, dear] = teachers.map((teacher) => teacher.id);
    expect(
      answer.body.items.map((item: { userId: string; overlapMinutes: number; score: unknown }) => [
        item.userId,
        item.overlapMinutes,
        item.score,
      ]),
    ).toEqual([
      [expert, 120, { level: 0.3, rating: 0.27, price: 0.1, availability: 0.1, total: 0.77 }],
      [cheap, 0, { level: 0.2, rating: 0.3, price: 0.2, availability: 0, total: 0.7 }],
      [free, 240, { level: 0.1, rating: 0, price: 0.2, availability: 0.2, total: 0.5 }],
      [dear, 60, { level: 0, rating: 0.24, price: 0, availability: 0.05, total: 0.29 }],
    ]);
    expect(answer.body.items[0]).toMatchObject({
      level: 'expert',
      hourlyRate: { amount: 6000, currency: 'EUR' },
      verified: false,
      ratingCount: 10,
    });
    const two = await t.http().get('/api/matching/teachers').query({ skillId: skill, from, limit: 2 }).set(bearer(learner));
    expect(two.body.items.map((item: { userId: string }) => item.userId)).toEqual([expert, cheap]);
    expect(two.body.to).toBe(weekLater);
  });

  it('refuses with 400 a period that ends before it starts, spans more than 14 days, or lies outside a day ago … a year on', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    for (const period of [
      { from: inDays(4), to: inDays(3) },
      { from: inDays(1), to: inDays(16) },
      { from: 'next tuesday' },
      { from: '+275760-09-06T00:00:00Z', to: '+275760-09-13T00:00:00Z' },
      { from: '-271821-04-20T00:00:00Z' },
      { from: inDays(-3) },
      { from: inDays(400) },
      { from: inDays(1).slice(0, 10) },
      { from: inDays(1).replace('Z', '') },
    ])
      expect(
        (
          await t
            .http()
            .get('/api/matching/teachers')
            .query({ skillId: skill, ...period })
            .set(bearer(learner))
        ).status,
      ).toBe(400);
  });

  it('accepts a 14-day period with an offset', async () => {
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + '+02:00';
    const to = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 19) + '+02:00';
    const answer = await t.http().get('/api/matching/teachers').query({ skillId: skill, from, to }).set(bearer(learner));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items).toHaveLength(4);
  });

  it('refuses a learning goal whose target date is not a strict date-time within ten years', async () => {
    // Eleven years either side of now, so the dates stay out of reach whenever the test runs.
    const elevenYears = 11 * 365 * 86_400_000;
    const tooLate = new Date(Date.now() + elevenYears).toISOString();
    const tooEarly = new Date(Date.now() - elevenYears).toISOString();
    for (const targetDate of ['+275760-09-06T00:00:00Z', tooLate, '2027-06-01', tooEarly])
      expect(
        (
          await t
            .http()
            .put('/api/users/me/skills/learning')
            .set(bearer(learner))
            .send({ skills: [{ skillId: skill, goalLevel: 'intermediate', targetDate }] })
        ).status,
      ).toBe(400);
  });

  it('lists the learners of a skill the caller teaches, soonest target first, and refuses a skill they do not teach', async () => {
    const [soon, later] = [await registerUser(t), await registerUser(t)];
    await learn(t.app, later, [learning(skill, { targetDate: new Date('2027-05-01T00:00:00Z') })]);
    await learn(t.app, soon, [learning(skill, { targetDate: new Date('2027-02-01T00:00:00Z'), currentLevel: 'beginner' })]);
    const answer = await t.http().get('/api/matching/learners').query({ skillId: skill }).set(bearer(teachers[0]));
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { userId: soon.id, currentLevel: 'beginner', goalLevel: 'intermediate', targetDate: '2027-02-01T00:00:00.000Z' },
      { userId: later.id, goalLevel: 'intermediate', targetDate: '2027-05-01T00:00:00.000Z' },
    ]);
    const refused = await t.http().get('/api/matching/learners').query({ skillId: skill }).set(bearer(soon));
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:atrium:problem:not-teaching-skill');
  });

  it('orders the leaderboards by rating (with enough ratings) and by sessions taught', async () => {
    const [expert, , cheap, dear] = teachers.map((teacher) => teacher.id);
    const byRating = await t.http().get('/api/learning/leaderboards/teachers').query({ by: 'rating' });
    expect(byRating.status).toBe(200);
    // The cheap teacher's perfect rating rests on two ratings, below the minimum of three.
    expect(
      byRating.body.items.map(({ rank, userId, rating }: { rank: number; userId: string; rating: number }) => [rank, userId, rating]),
    ).toEqual([
      [1, expert, 4.5],
      [2, dear, 4],
    ]);
    const bySessions = await t.http().get('/api/learning/leaderboards/teachers').query({ by: 'sessions', limit: 2, page: 2 });
    expect(bySessions.body).toMatchObject({ total: 3, page: 2, items: [{ rank: 3, userId: dear, sessionsTaught: 5 }] });
    const first = await t.http().get('/api/learning/leaderboards/teachers').query({ by: 'sessions' });
    expect(first.body.items.map((item: { userId: string }) => item.userId)).toEqual([cheap, expert, dear]);
    expect((await t.http().get('/api/learning/leaderboards/teachers').query({ by: 'fame' })).status).toBe(400);
  });

  it('plans the caller’s path to a skill, skipping what they teach and the goals they reached', async () => {
    const basics = (await catalogueSkill(t.app, staff, { estimatedLearningTime: 10 })).id;
    const middle = (await catalogueSkill(t.app, staff, { prerequisites: [basics], estimatedLearningTime: 20 })).id;
    const target = (await catalogueSkill(t.app, staff, { prerequisites: [middle], estimatedLearningTime: 30 })).id;
    const novice = await registerUser(t);
    const fromScratch = await t.http().get(`/api/skills/${target}/path`).set(bearer(novice));
    expect(fromScratch.status, JSON.stringify(fromScratch.body)).toBe(200);
    expect(fromScratch.body.steps.map((step: { id: string }) => step.id)).toEqual([basics, middle, target]);
    expect(fromScratch.body).toMatchObject({ totalEstimatedHours: 60, knownSkillIds: [] });

    const versed = await registerUser(t);
    await teach(t.app, versed, [teaching(basics)]);
    await learn(t.app, versed, [learning(middle, { currentLevel: 'advanced', goalLevel: 'intermediate' })]);
    const shorter = await t.http().get(`/api/skills/${target}/path`).set(bearer(versed));
    expect(shorter.body.steps.map((step: { id: string }) => step.id)).toEqual([target]);
    expect(shorter.body.knownSkillIds).toEqual([basics, middle].sort());
    // A goal not reached yet is still to learn.
    await learn(t.app, versed, [learning(middle, { currentLevel: 'beginner', goalLevel: 'advanced' })]);
    expect(
      (await t.http().get(`/api/skills/${target}/path`).set(bearer(versed))).body.steps.map((step: { id: string }) => step.id),
    ).toEqual([middle, target]);
    expect((await t.http().get('/api/skills/64b000000000000000000000/path').set(bearer(versed))).status).toBe(404);
    expect((await t.http().get(`/api/skills/${target}/path`)).status).toBe(401);
  });

  it('leaves unpublished skills out of a path: a draft prerequisite is no step (what it requires still is), a draft target is 404', async () => {
    const basics = (await catalogueSkill(t.app, staff)).id;
    const draft = (await catalogueSkill(t.app, staff, { status: 'draft', prerequisites: [basics] })).id;
    const target = (await catalogueSkill(t.app, staff, { prerequisites: [draft] })).id;
    const someone = await registerUser(t);
    const path = await t.http().get(`/api/skills/${target}/path`).set(bearer(someone));
    expect(path.status, JSON.stringify(path.body)).toBe(200);
    expect(path.body.steps.map((step: { id: string }) => step.id)).toEqual([basics, target]);
    expect((await t.http().get(`/api/skills/${draft}/path`).set(bearer(someone))).status).toBe(404);
  });
});
