import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarLocks } from '../../../src/modules/sessions/calendar-locks.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import {
  activeSkill,
  book,
  bookedSession,
  bookingBody,
  sessionModel,
  setAvailability,
  teacherOf,
} from '../../support/factories/sessions.js';

const HOUR = 60;

describe('booking sessions: who, when, at what price', () => {
  let t: TestApp;
  let staff: TestUser;
  let skillId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    skillId = await activeSkill(t.app);
  });
  afterAll(() => t?.close());

  it('books a priced session: rate × duration in minor units, no room details in the answer, a room stored', async () => {
    const teacher = await teacherOf(t, skillId, { hourlyRate: { amount: 6000, currency: 'EUR' } });
    const learner = await registerUser(t);
    const response = await book(t, learner, teacher.id, skillId, { startInMinutes: 3 * HOUR, durationMinutes: 90, notes: 'Hooks, please' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      teacherId: teacher.id,
      learnerId: learner.id,
      skillId,
      status: 'scheduled',
      durationMinutes: 90,
      timezone: 'Europe/Berlin',
      myRole: 'learner',
      pricing: { amount: 9000, currency: 'EUR' },
      notes: 'Hooks, please',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/joinUrl|password|videoRoom/);
    const stored = await sessionModel(t.app).findById(response.body.id).lean();
    expect(stored!.videoRoom.joinUrl).toMatch(/^https:\/\/meet\.atrium\.local\/room-/);
    expect(stored!.videoRoom.password.length).toBeGreaterThanOrEqual(12);
    expect(stored!.audit.map((entry) => entry.to)).toEqual(['scheduled']);
  });

  it('books a free session with a teacher without a rate, with an explicit end time', async () => {
    const teacher = await teacherOf(t, skillId);
    const learner = await registerUser(t);
    const start = new Date(Date.now() + 2 * HOUR * 60_000);
    const body = {
      ...bookingBody(teacher.id, skillId),
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + 45 * 60_000).toISOString(),
    };
    delete (body as Partial<typeof body>).durationMinutes;
    const response = await t.http().post('/api/sessions').set(bearer(learner)).send(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect([response.body.durationMinutes, response.body.pricing.amount]).toEqual([45, 0]);
  });

  it('refuses a skill the teacher does not teach, an inactive or unknown skill, and booking oneself (422)', async () => {
    const teacher = await teacherOf(t, skillId);
    const learner = await registerUser(t);
    const otherSkill = await activeSkill(t.app);
    const notTaught = await book(t, learner, teacher.id, otherSkill);
    expect([notTaught.status, notTaught.body.type]).toEqual([422, 'urn:atrium:problem:not-teaching']);
    const unknown = await book(t, learner, teacher.id, '0123456789abcdef01234567');
    expect([unknown.status, unknown.body.type]).toEqual([422, 'urn:atrium:problem:skill-unavailable']);
    const self = await book(t, teacher, teacher.id, skillId);
    expect([self.status, self.body.type]).toEqual([422, 'urn:atrium:problem:self-booking']);
  });

  it('refuses a slot outside the teacher’s availability, or a teacher with none (422)', async () => {
    const learner = await registerUser(t);
    const none = await teacherOf(t, skillId, { available: false });
    const refused = await book(t, learner, none.id, skillId);
    expect([refused.status, refused.body.type]).toEqual([422, 'urn:atrium:problem:teacher-unavailable']);
    const mornings = await teacherOf(t, skillId, { available: false });
    await setAvailability(t, mornings, [{ day: 1, start: '08:00', end: '09:00' }], 'UTC');
    const nextMonday = new Date();
    nextMonday.setUTCDate(nextMonday.getUTCDate() + ((8 - nextMonday.getUTCDay()) % 7 || 7));
    const at = (hours: number) => new Date(Date.UTC(nextMonday.getUTCFullYear(), nextMonday.getUTCMonth(), nextMonday.getUTCDate(), hours));
    const body = (hours: number) => ({ ...bookingBody(mornings.id, skillId), startTime: at(hours).toISOString() });
    const outside = await t.http().post('/api/sessions').set(bearer(learner)).send(body(10));
    expect([outside.status, outside.body.type]).toEqual([422, 'urn:atrium:problem:teacher-unavailable']);
    const inside = await t.http().post('/api/sessions').set(bearer(learner)).send(body(8));
    expect(inside.status, JSON.stringify(inside.body)).toBe(201);
  });

  it('refuses overlaps with the teacher’s and with the learner’s other sessions (409), back-to-back is fine', async () => {
    const base = Date.now() + 4 * HOUR * 60_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const first = await bookedSession(t, { skillId, startTime: at(0), durationMinutes: 60 });
    const rival = await registerUser(t);
    const teacherBusy = await book(t, rival, first.teacher.id, skillId, { startTime: at(30), durationMinutes: 60 });
    expect([teacherBusy.status, teacherBusy.body.type, teacherBusy.body.participant]).toEqual([
      409,
      'urn:atrium:problem:slot-taken',
      'teacher',
    ]);

    const secondTeacher = await teacherOf(t, skillId);
    const learnerBusy = await book(t, first.learner, secondTeacher.id, skillId, { startTime: at(-15), durationMinutes: 30 });
    expect([learnerBusy.status, learnerBusy.body.participant]).toEqual([409, 'learner']);
    // The teacher's calendar is one whatever the role: booking them as a learner at that time clashes too.
    const teacherAsLearner = await book(t, first.teacher, secondTeacher.id, skillId, { startTime: at(10) });
    expect([teacherAsLearner.status, teacherAsLearner.body.participant]).toEqual([409, 'learner']);

    const backToBack = await book(t, rival, first.teacher.id, skillId, { startTime: at(60), durationMinutes: 30 });
    expect(backToBack.status, JSON.stringify(backToBack.body)).toBe(201);
    const before = await book(t, first.learner, secondTeacher.id, skillId, { startTime: at(-30), durationMinutes: 30 });
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    const cancelled = await t.http().post(`/api/sessions/${first.id}/cancel`).set(bearer(first.learner)).send({});
    expect(cancelled.status).toBe(200);
    const freed = await book(t, rival, first.teacher.id, skillId, { startTime: at(0), durationMinutes: 60 });
    expect(freed.status, 'a cancelled session frees its slot').toBe(201);
  });

  it('of concurrent bookings of one slot exactly one wins (201) and the others are refused (409)', async () => {
    const teacher = await teacherOf(t, skillId);
    const learners = await Promise.all(Array.from({ length: 4 }, () => registerUser(t)));
    const answers = await Promise.all(
      learners.map((learner) => book(t, learner, teacher.id, skillId, { startInMinutes: 6 * HOUR, durationMinutes: 60 })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await sessionModel(t.app).countDocuments({ 'participants.teacher': answers[0].body.teacherId ?? teacher.id })).toBe(1);

    const learner = await registerUser(t);
    const same = await Promise.all([1, 2].map(() => book(t, learner, teacher.id, skillId, { startInMinutes: 8 * HOUR })));
    expect(same.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it('holds a calendar for one booking at a time: a second holder of the same user waits for the first', async () => {
    const locks = t.app.get(CalendarLocks);
    const user = (await registerUser(t)).id;
    const spans: [number, number][] = [];
    const hold = () =>
      locks.withCalendars([user], async () => {
        const from = Date.now();
        await sleep(150);
        spans.push([from, Date.now()]);
      });
    await Promise.all([hold(), hold()]);
    expect(spans).toHaveLength(2);
    const [first, second] = spans.sort((a, b) => a[0] - b[0]);
    expect(second[0]).toBeGreaterThanOrEqual(first[1]);
    expect(await t.connection.collection('leases').countDocuments({ _id: /^calendar:/ } as never), 'released after use').toBe(0);
  });

  it('takes over a calendar whose holder let its lease run out, and gives up on a live hold with 409', async () => {
    const teacher = await teacherOf(t, skillId);
    const learner = await registerUser(t);
    const locks = t.connection.collection<{ _id: string }>('leases');
    await locks.insertOne({ _id: `calendar:${teacher.id}`, holder: 'crashed', until: new Date(Date.now() - 1000) } as never);
    expect((await book(t, learner, teacher.id, skillId, { startInMinutes: 10 * HOUR })).status).toBe(201);

    await locks.insertOne({ _id: `calendar:${learner.id}`, holder: 'busy', until: new Date(Date.now() + 60_000) } as never);
    const busy = await book(t, learner, teacher.id, skillId, { startInMinutes: 12 * HOUR });
    expect([busy.status, busy.body.type]).toEqual([409, 'urn:atrium:problem:calendar-busy']);
    expect(await locks.countDocuments({ _id: `calendar:${teacher.id}` }), 'the teacher’s hold is let go').toBe(0);
    await locks.deleteOne({ _id: `calendar:${learner.id}` });
  });

  it('answers bad input with 400 naming the field', async () => {
    const teacher = await teacherOf(t, skillId);
    const learner = await registerUser(t);
    const send = (body: Record<string, unknown>) => t.http().post('/api/sessions').set(bearer(learner)).send(body);
    const base = bookingBody(teacher.id, skillId);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, teacherId: 'nope' }, 'teacherId'],
      [{ ...base, startTime: 'tomorrow' }, 'startTime'],
      [{ ...base, startTime: 1_900_000_000_000 }, 'startTime'],
      // A time without its zone, a bare date and a week date are not read in the server's zone: refused.
      [{ ...base, startTime: '2030-01-10T10:00:00' }, 'startTime'],
      [{ ...base, startTime: '2030-01-10' }, 'startTime'],
      [{ ...base, startTime: '2030-W02-4' }, 'startTime'],
      [{ ...base, timezone: 'Mars/Olympus' }, 'timezone'],
      [{ ...base, durationMinutes: 10 }, 'durationMinutes'],
      [{ ...base, durationMinutes: 241 }, 'durationMinutes'],
      [{ ...base, endTime: base.startTime }, 'endTime'],
      [{ ...base, notes: 'x'.repeat(2001) }, 'notes'],
      [{ ...base, startTime: new Date(Date.now() - 60_000).toISOString() }, 'startTime'],
    ];
    for (const [body, field] of cases) {
      const response = await send(body);
      expect(response.status, `${field}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    }
    const both = await send({ ...base, endTime: new Date(Date.parse(base.startTime) + 30 * 60_000).toISOString() });
    expect([both.status, JSON.stringify(both.body.errors)]).toEqual([
      400,
      expect.stringContaining('exactly one of endTime, durationMinutes'),
    ]);
    const neither = await send({ ...base, durationMinutes: undefined });
    expect(neither.status).toBe(400);
    const longEnd = { ...base, durationMinutes: undefined, endTime: new Date(Date.parse(base.startTime) + 5 * 3_600_000).toISOString() };
    expect((await send(longEnd)).status).toBe(400);
    expect((await t.http().post('/api/sessions').send(base)).status).toBe(401);
    expect((await t.http().get('/api/sessions/not-an-id').set(bearer(staff))).status).toBe(400);
  });
});
