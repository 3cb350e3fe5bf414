import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { activeSkill, book, bookingBody, sessionModel, shiftSchedule, teacherOf } from '../../support/factories/sessions.js';

const DAY_MS = 86_400_000;

describe('rescheduling: price follows the length, paid sessions keep it, late moves refused', () => {
  let t: TestApp;
  let skillId: string;
  let teacher: TestUser;
  let learner: TestUser;
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp();
    skillId = await activeSkill(t.app);
    teacher = await teacherOf(t, skillId, { hourlyRate: { amount: 6000, currency: 'EUR' } });
    learner = await registerUser(t);
  });
  afterAll(() => t?.close());

  async function booked(): Promise<string> {
    const response = await book(t, learner, teacher.id, skillId, { startInMinutes: (++day + 1) * 24 * 60, durationMinutes: 30 });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }
  const reschedule = (id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/sessions/${id}/reschedule`).set(bearer(learner)).send(body);
  const newStart = () => new Date(Date.now() + (100 + ++day) * DAY_MS).toISOString();

  it('reprices a length change at the teacher’s rate and clears the joins of the old slot', async () => {
    const id = await booked();
    await sessionModel(t.app).updateOne({ _id: new Types.ObjectId(id) }, { $set: { 'activity.joinedAt.learner': new Date() } });
    const longer = await reschedule(id, { startTime: newStart(), durationMinutes: 90 });
    expect(longer.status, JSON.stringify(longer.body)).toBe(200);
    expect([longer.body.durationMinutes, longer.body.pricing]).toEqual([90, expect.objectContaining({ amount: 9000, currency: 'EUR' })]);
    const stored = await sessionModel(t.app).findById(id).lean();
    expect(stored!.pricing.amount).toBe(9000);
    expect(stored!.activity.joinedAt?.learner).toBeUndefined();

    const sameLength = await reschedule(id, { startTime: newStart() });
    expect([sameLength.status, sameLength.body.durationMinutes, sameLength.body.pricing.amount]).toEqual([200, 90, 9000]);
  });

  it('refuses a length change of a paid session (409 paid-length-fixed) but moves it at the same length', async () => {
    const id = await booked();
    await sessionModel(t.app).updateOne({ _id: new Types.ObjectId(id) }, { $set: { 'pricing.paymentStatus': 'paid' } });
    const longer = await reschedule(id, { startTime: newStart(), durationMinutes: 60 });
    expect([longer.status, longer.body.type]).toEqual([409, 'urn:atrium:problem:paid-length-fixed']);
    const stored = await sessionModel(t.app).findById(id).lean();
    expect([stored!.pricing.amount, stored!.activity.rescheduling.length]).toEqual([3000, 0]);
    const kept = await reschedule(id, { startTime: newStart() });
    expect([kept.status, kept.body.durationMinutes, kept.body.pricing.amount]).toEqual([200, 30, 3000]);
  });

  it('refuses to move a session whose booked start has passed (409 reschedule-too-late)', async () => {
    const id = await booked();
    await shiftSchedule(t.app, id, -1);
    const late = await reschedule(id, { startTime: newStart() });
    expect([late.status, late.body.type]).toEqual([409, 'urn:atrium:problem:reschedule-too-late']);
    expect((await sessionModel(t.app).findById(id).lean())!.activity.rescheduling).toHaveLength(0);
  });

  it('takes upper-case ids as the same ids: booking works and self-booking is still refused', async () => {
    const body = bookingBody(teacher.id.toUpperCase(), skillId.toUpperCase(), { startInMinutes: (++day + 1) * 24 * 60 });
    const upper = await t.http().post('/api/sessions').set(bearer(learner)).send(body);
    expect([upper.status, upper.body.teacherId, upper.body.skillId]).toEqual([201, teacher.id, skillId]);
    const self = await t
      .http()
      .post('/api/sessions')
      .set(bearer(teacher))
      .send(bookingBody(teacher.id.toUpperCase(), skillId, { startInMinutes: (++day + 1) * 24 * 60 }));
    expect([self.status, self.body.type]).toEqual([422, 'urn:atrium:problem:self-booking']);
  });
});
