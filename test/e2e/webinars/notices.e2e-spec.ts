import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { WebinarRemindersJob } from '../../../src/modules/webinars/jobs/webinar-reminders.job.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { until } from '../../support/wait.js';
import {
  registerFor,
  registrationModel,
  replayRegistrationEffects,
  scheduledWebinar,
  startWebinarIn,
} from '../../support/factories/webinars.js';

describe('what webinars tell registrants: reminders, cancellations, erasure', () => {
  let t: TestApp;
  let staff: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, admin] = await Promise.all([userWithRole(t, 'staff'), userWithRole(t, 'admin')]);
  });
  afterAll(() => t?.close());

  const emails = (to: string, template: string) => t.connection.collection('emailqueue').find({ to, template }).toArray();
  const notifications = (userId: string) =>
    t.connection
      .collection('notifications')
      .find({ userId: new Types.ObjectId(userId), type: 'webinar' })
      .toArray();

  it('reminds each confirmed registrant once a day ahead and once an hour ahead, however often the job runs', async () => {
    const member = await registerUser(t);
    const webinar = await scheduledWebinar(t.app, staff, { capacity: 2 });
    await registerFor(t.app, webinar.id, { email: member.email });
    const guest = await registerFor(t.app, webinar.id);
    const waiting = await registerFor(t.app, webinar.id);
    expect(waiting.status).toBe('waitlisted');
    const job = t.app.get(WebinarRemindersJob);

    await startWebinarIn(t.app, webinar.id, 23 * 60);
    expect((await job.run()).items).toBe(2);
    expect((await job.run()).items).toBe(0);
    const ran = await t.http().post('/api/admin/jobs/webinars.reminders/run').set(bearer(admin));
    expect(ran.status).toBe(202);
    await until(
      async () => (await t.connection.collection('joblocks').findOne({ name: 'webinars.reminders' }))?.lastOutcome === 'succeeded',
    );
    expect(await emails(guest.email, 'webinar-reminder')).toHaveLength(1);
    expect(await notifications(member.id)).toHaveLength(1);
    expect(await emails(waiting.email, 'webinar-reminder')).toHaveLength(0);

    await startWebinarIn(t.app, webinar.id, 30);
    expect((await job.run()).items).toBe(2);
    await replayRegistrationEffects(t.app, guest.registrationId);
    await t.app.get(EffectsRelay).sweep();
    expect((await job.run()).items).toBe(0);
    expect(await emails(guest.email, 'webinar-reminder')).toHaveLength(2);
    expect(await notifications(member.id)).toHaveLength(2);
  });

  it('tells every registrant once when staff cancel the webinar, and refuses moves the lifecycle does not have', async () => {
    const webinar = await scheduledWebinar(t.app, staff, { capacity: 1 });
    const seated = await registerFor(t.app, webinar.id);
    const waiting = await registerFor(t.app, webinar.id);
    const canceled = await t.http().post(`/api/webinars/${webinar.id}/transition`).set(bearer(staff)).send({ to: 'canceled' });
    expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
    for (const id of [seated.registrationId, waiting.registrationId]) await replayRegistrationEffects(t.app, id);
    await t.app.get(EffectsRelay).sweep();
    expect(await emails(seated.email, 'webinar-canceled')).toHaveLength(1);
    expect(await emails(waiting.email, 'webinar-canceled')).toHaveLength(1);

    const revived = await t.http().post(`/api/webinars/${webinar.id}/transition`).set(bearer(staff)).send({ to: 'live' });
    expect([revived.status, revived.body.type]).toEqual([409, 'urn:atrium:problem:illegal-transition']);
    const late = await t.http().post('/api/webinars/register').send({ webinarId: webinar.id, email: 'late@example.com', name: 'Late' });
    expect([late.status, late.body.type]).toEqual([409, 'urn:atrium:problem:registration-closed']);
  });

  it('erases a deleted account’s registrations and gives its seat to the first one waiting', async () => {
    const leaving = await registerUser(t);
    const webinar = await scheduledWebinar(t.app, staff, { capacity: 1 });
    await registerFor(t.app, webinar.id, { email: leaving.email });
    const waiting = await registerFor(t.app, webinar.id);

    const deleted = await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password });
    expect(deleted.status).toBe(204);
    await t.app.get(EffectsRelay).sweep();

    expect(await registrationModel(t.app).countDocuments({ email: leaving.email })).toBe(0);
    expect((await registrationModel(t.app).findById(waiting.registrationId).lean())!.status).toBe('confirmed');
  });
});
