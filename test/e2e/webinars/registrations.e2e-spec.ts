import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, uniqueEmail, userWithRole, type TestUser } from '../../support/auth.js';
import { mailedManageToken, registrationModel, webinarInput, webinarModel } from '../../support/factories/webinars.js';

describe('webinar registrations: seats, the waitlist and the manage token', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  const scheduled = async (capacity: number): Promise<string> => {
    const body = { ...webinarInput({ capacity }), startsAt: new Date(Date.now() + 48 * 3_600_000).toISOString() };
    const created = await t.http().post('/api/webinars').set(bearer(staff)).send(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await t.http().post(`/api/webinars/${created.body.id}/transition`).set(bearer(staff)).send({ to: 'scheduled' });
    expect(published.status).toBe(200);
    return created.body.id;
  };
  const register = (webinarId: string, email = uniqueEmail('attendee'), name = 'Grace Hopper') =>
    t.http().post('/api/webinars/register').send({ webinarId, email, name });

  it('seats the first registrations, waitlists the rest in order, and promotes the first waiting one when a seat frees up', async () => {
    const webinarId = await scheduled(2);
    const owner = await registerUser(t);
    const first = await register(webinarId, owner.email);
    const second = await register(webinarId);
    const third = await register(webinarId);
    const fourth = await register(webinarId);
    expect([first, second, third, fourth].map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect([first.body.status, second.body.status]).toEqual(['confirmed', 'confirmed']);
    expect(first.body.userId).toBe(owner.id);
    expect([third.body.status, third.body.waitlistPosition]).toEqual(['waitlisted', 1]);
    expect([fourth.body.status, fourth.body.waitlistPosition]).toEqual(['waitlisted', 2]);
    expect((await t.http().get(`/api/webinars/${webinarId}`)).body.seatsLeft).toBe(0);

    const canceled = await t.http().post(`/api/webinars/registrations/${first.body.registrationId}/cancel`).set(bearer(owner)).send({});
    expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
    const promoted = await registrationModel(t.app).findById(third.body.registrationId).lean();
    expect(promoted!.status).toBe('confirmed');
    expect((await registrationModel(t.app).findById(fourth.body.registrationId).lean())!.status).toBe('waitlisted');
    expect((await webinarModel(t.app).findById(webinarId).lean())!.seatsTaken).toBe(2);
    const told = await t.connection.collection('emailqueue').find({ to: third.body.email, template: 'webinar-promoted' }).toArray();
    expect(told).toHaveLength(1);

    const again = await t.http().post(`/api/webinars/registrations/${first.body.registrationId}/cancel`).set(bearer(owner)).send({});
    expect(again.status).toBe(200);
    expect((await registrationModel(t.app).findById(fourth.body.registrationId).lean())!.status).toBe('waitlisted');
  });

  it('refuses a second registration of one address (409), and of concurrent duplicates exactly one wins', async () => {
    const webinarId = await scheduled(5);
    const email = uniqueEmail('twice');
    expect((await register(webinarId, email)).status).toBe(201);
    const duplicate = await register(webinarId, email.toUpperCase());
    expect([duplicate.status, duplicate.body.type]).toEqual([409, 'urn:atrium:problem:already-registered']);

    const racing = uniqueEmail('racing');
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => register(webinarId, racing)))).map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    expect((await webinarModel(t.app).findById(webinarId).lean())!.seatsTaken).toBe(2);
  });

  it('never seats more than the capacity: 30 registrations at once for 10 seats give 10 confirmed and 20 waitlisted', async () => {
    const webinarId = await scheduled(10);
    const answers = await Promise.all(Array.from({ length: 30 }, () => register(webinarId)));
    expect(answers.every((response) => response.status === 201)).toBe(true);
    const stored = await registrationModel(t.app).find({ webinarId: answers[0].body.webinarId }).lean();
    const byStatus = (status: string) =>
      stored.filter((registration) => registration.webinarId.toString() === webinarId && registration.status === status);
    expect(byStatus('confirmed')).toHaveLength(10);
    expect(byStatus('waitlisted')).toHaveLength(20);
    expect((await webinarModel(t.app).findById(webinarId).lean())!.seatsTaken).toBe(10);
  });

  it('shows an address’s registrations only to staff or to a holder of a token mailed to it', async () => {
    const webinarId = await scheduled(3);
    const email = uniqueEmail('guest');
    const registered = await register(webinarId, email);
    const token = await mailedManageToken(t.app, email);
    const other = await register(webinarId);
    const otherToken = await mailedManageToken(t.app, other.body.email);

    expect((await t.http().get(`/api/webinars/registrations/email/${email}`)).status).toBe(404);
    expect((await t.http().get(`/api/webinars/registrations/email/${email}`).set('x-manage-token', otherToken)).status).toBe(404);
    const mine = await t.http().get(`/api/webinars/registrations/email/${email}`).set('x-manage-token', token);
    expect([mine.status, mine.body.items.map((item: { registrationId: string }) => item.registrationId)]).toEqual([
      200,
      [registered.body.registrationId],
    ]);
    expect((await t.http().get(`/api/webinars/registrations/email/${email}`).set(bearer(staff))).body.total).toBe(1);
    expect((await t.http().get('/api/webinars/registrations/email/not-an-address')).status).toBe(400);

    const byId = `/api/webinars/registrations/${registered.body.registrationId}`;
    expect((await t.http().get(byId)).status).toBe(404);
    expect((await t.http().get(byId).set('x-manage-token', otherToken)).status).toBe(404);
    expect((await t.http().get(byId).set('x-manage-token', token)).status).toBe(200);
    const stored = await registrationModel(t.app).findById(registered.body.registrationId).lean();
    expect(stored!.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const canceled = await t.http().post(`${byId}/cancel`).set('x-manage-token', token).send({});
    expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
  });

  it('answers 401 for a bearer token that is not valid, even on a public registrant route', async () => {
    const webinarId = await scheduled(1);
    const registered = await register(webinarId);
    const answer = await t.http().get(`/api/webinars/registrations/${registered.body.registrationId}`).set('Authorization', 'Bearer nope');
    expect(answer.status).toBe(401);
  });
});
