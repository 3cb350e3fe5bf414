import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { registrationModel, scheduledWebinar, startWebinarIn } from '../../support/factories/webinars.js';

describe('webinar attendance: joining, leaving, engagement, feedback and the report', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  /** A webinar with `attendee` holding a seat, registered through the API with their account's address. */
  const seated = async (attendee: TestUser) => {
    const webinar = await scheduledWebinar(t.app, staff, { capacity: 5 });
    const registered = await t.http().post('/api/webinars/register').send({ webinarId: webinar.id, email: attendee.email, name: 'Ada' });
    expect(registered.status).toBe(201);
    return { webinarId: webinar.id, registrationId: registered.body.registrationId as string };
  };
  const action = (registrationId: string, name: string, user: TestUser, body?: object) =>
    t.http().post(`/api/webinars/registrations/${registrationId}/${name}`).set(bearer(user)).send(body);

  it('refuses to join before the window opens (saying when), lets the registrant in inside it, and accumulates minutes over visits', async () => {
    const attendee = await registerUser(t);
    const { webinarId, registrationId } = await seated(attendee);

    const early = await action(registrationId, 'join', attendee);
    expect([early.status, early.body.type]).toEqual([409, 'urn:atrium:problem:join-not-open']);
    expect(Date.parse(early.body.opensAt)).toBeGreaterThan(Date.now());

    await startWebinarIn(t.app, webinarId, 10);
    const joined = await action(registrationId, 'join', attendee);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.joinUrl).toBe('https://meet.atrium-demo.com/webinar-live');
    expect(joined.body.registration.status).toBe('attended');
    expect((await t.http().get(`/api/webinars/${webinarId}`)).body.meeting).toBeUndefined();

    // The visit began 20 minutes ago; a leave counts it once, even if sent twice.
    await registrationModel(t.app).updateOne(
      { _id: registrationId },
      { $set: { 'attendance.joinedAt': new Date(Date.now() - 20 * 60_000) } },
    );
    const left = await action(registrationId, 'leave', attendee);
    expect([left.status, left.body.attendance.minutes, left.body.attendance.joinedAt]).toEqual([200, 20, undefined]);
    expect((await action(registrationId, 'leave', attendee)).status).toBe(409);

    const rejoined = await action(registrationId, 'join', attendee);
    expect(rejoined.body.registration.attendance.visits).toBe(2);
    await registrationModel(t.app).updateOne(
      { _id: registrationId },
      { $set: { 'attendance.joinedAt': new Date(Date.now() - 5 * 60_000) } },
    );
    expect((await action(registrationId, 'leave', attendee)).body.attendance.minutes).toBe(25);

    expect((await action(registrationId, 'join', staff)).status).toBe(403);
    await startWebinarIn(t.app, webinarId, -120);
    const late = await action(registrationId, 'join', attendee);
    expect([late.status, late.body.type]).toEqual([409, 'urn:atrium:problem:webinar-over']);
  });

  it('takes feedback only from attendees, after the start, once', async () => {
    const attendee = await registerUser(t);
    const absent = await registerUser(t);
    const { webinarId, registrationId } = await seated(attendee);
    const other = await t.http().post('/api/webinars/register').send({ webinarId, email: absent.email, name: 'Absent' });

    expect((await action(registrationId, 'feedback', attendee, { rating: 5 })).body.type).toBe('urn:atrium:problem:not-started');
    await startWebinarIn(t.app, webinarId, -5);
    expect((await action(registrationId, 'join', attendee)).status).toBe(200);
    const notAttended = await action(other.body.registrationId, 'feedback', absent, { rating: 2 });
    expect([notAttended.status, notAttended.body.type]).toEqual([409, 'urn:atrium:problem:not-attended']);
    expect((await action(registrationId, 'feedback', staff, { rating: 1 })).status).toBe(403);
    expect((await action(registrationId, 'feedback', attendee, { rating: 6 })).status).toBe(400);

    const given = await action(registrationId, 'feedback', attendee, { rating: 4, comment: 'Clear and useful.' });
    expect([given.status, given.body.feedback.rating]).toEqual([201, 4]);
    const twice = await Promise.all([1, 2].map(() => action(registrationId, 'feedback', attendee, { rating: 1 })));
    expect(twice.map((response) => response.body.type)).toEqual(['urn:atrium:problem:feedback-given', 'urn:atrium:problem:feedback-given']);
  });

  it('counts engagement atomically while live, and reports attendance, minutes and ratings to staff', async () => {
    const attendee = await registerUser(t);
    const absent = await registerUser(t);
    const { webinarId, registrationId } = await seated(attendee);
    await t.http().post('/api/webinars/register').send({ webinarId, email: absent.email, name: 'Absent' });

    expect((await action(registrationId, 'engagement', attendee, { kind: 'question' })).body.type).toBe('urn:atrium:problem:not-live');
    await startWebinarIn(t.app, webinarId, -10);
    await action(registrationId, 'join', attendee);
    await Promise.all(Array.from({ length: 10 }, () => action(registrationId, 'engagement', attendee, { kind: 'chat-message' })));
    const counted = await action(registrationId, 'engagement', staff, { kind: 'poll-answer', count: 3 });
    expect(counted.body.engagement).toEqual({ questions: 0, pollAnswers: 3, chatMessages: 10 });
    expect((await action(registrationId, 'engagement', attendee, { kind: 'shout' })).status).toBe(400);
    // A count is a JSON number: the string "3" is refused, not read as 3.
    const stringCount = await action(registrationId, 'engagement', staff, { kind: 'poll-answer', count: '3' });
    expect([stringCount.status, stringCount.body.errors?.[0]?.field]).toEqual([400, 'count']);

    await registrationModel(t.app).updateOne(
      { _id: registrationId },
      { $set: { 'attendance.joinedAt': new Date(Date.now() - 30 * 60_000) } },
    );
    await action(registrationId, 'leave', attendee);
    await action(registrationId, 'feedback', attendee, { rating: 5 });

    const report = await t.http().get(`/api/webinars/${webinarId}/report`).set(bearer(staff));
    expect(report.body).toEqual({
      webinarId,
      registered: 2,
      confirmed: 1,
      waitlisted: 0,
      canceled: 0,
      attended: 1,
      attendanceRate: 0.5,
      averageMinutes: 30,
      averageRating: 5,
      feedbackCount: 1,
    });
    const csv = await t.http().get(`/api/webinars/${webinarId}/export`).query({ format: 'csv' }).set(bearer(staff));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    const json = await t.http().get(`/api/webinars/${webinarId}/export`).set(bearer(staff));
    expect(json.body).toHaveLength(2);
    const page = await t.http().get(`/api/webinars/${webinarId}/registrations`).query({ status: 'attended' }).set(bearer(staff));
    expect(page.body.items.map((item: { registrationId: string }) => item.registrationId)).toEqual([registrationId]);
  });
});
