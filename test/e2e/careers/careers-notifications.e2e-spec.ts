import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { applicationInput, applicationModel, postingInput, replayApplicationEffects } from '../../support/factories/careers.js';

describe('what careers tells applicants', () => {
  let t: TestApp;
  let staff: TestUser;
  let relay: EffectsRelay;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    relay = t.app.get(EffectsRelay);
    postingId = (await t.http().post('/api/careers/jobs').set(bearer(staff)).send(postingInput())).body.id;
  });
  afterAll(() => t?.close());

  const updates = (to: string) => t.connection.collection('emailqueue').find({ to, template: 'careers-application-update' }).toArray();
  const notifications = (userId: string) =>
    t.connection
      .collection('notifications')
      .find({ userId: new Types.ObjectId(userId), type: 'careers' })
      .toArray();
  const move = (id: string, to: string) => t.http().post(`/api/careers/applications/${id}/transitions`).set(bearer(staff)).send({ to });

  it('notifies a signed-in applicant of a stage change exactly once, even when the effect runs again', async () => {
    const applicant = await registerUser(t);
    const application = (
      await t
        .http()
        .post('/api/careers/applications')
        .set(bearer(applicant))
        .send(applicationInput(postingId, { email: applicant.email }))
    ).body;
    expect((await move(application.id, 'screening')).status).toBe(200);
    expect(await notifications(applicant.id)).toHaveLength(1);

    await replayApplicationEffects(t.app, application.id);
    await relay.sweep();
    await relay.sweep();
    expect(await notifications(applicant.id)).toHaveLength(1);
    const stored = await applicationModel(t.app).findById(application.id).lean();
    expect(stored!.effects!.filter((effect) => effect.name === 'careers.application-status-changed>notifications')).toEqual([
      expect.objectContaining({ state: 'done' }),
    ]);
  });

  it('emails an applicant without an account about each change, the interview and the offer', async () => {
    const input = applicationInput(postingId);
    const application = (await t.http().post('/api/careers/applications').send(input)).body;
    await move(application.id, 'screening');
    await move(application.id, 'phone_interview');
    await t
      .http()
      .post(`/api/careers/applications/${application.id}/interviews`)
      .set(bearer(staff))
      .send({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), kind: 'phone', interviewerIds: [staff.id] });
    await move(application.id, 'onsite_interview');
    await t
      .http()
      .post(`/api/careers/applications/${application.id}/offer`)
      .set(bearer(staff))
      .send({ salary: 70_000_00, currency: 'GBP', startDate: '2027-01-04', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    const mails = await updates(input.email);
    const subjects = mails.map((mail) => mail.subject as string);
    expect(subjects).toHaveLength(5);
    expect(subjects.filter((subject) => subject.includes('interview is scheduled'))).toHaveLength(1);
    expect(subjects.filter((subject) => subject.includes('an offer is waiting'))).toHaveLength(1);
    for (const subject of subjects) expect(subject).toContain(application.applicationId);
  });

  it('erases a deleted user’s personal data from their applications and keeps the hiring record', async () => {
    const applicant = await registerUser(t);
    const application = (
      await t
        .http()
        .post('/api/careers/applications')
        .set(bearer(applicant))
        .send(applicationInput(postingId, { email: applicant.email }))
    ).body;
    await move(application.id, 'screening');
    const deleted = await t.http().delete('/api/users/me').set(bearer(applicant)).send({ password: applicant.password });
    expect([200, 204]).toContain(deleted.status);
    await relay.sweep();
    const stored = await applicationModel(t.app).findById(application.id).lean();
    expect(stored).toMatchObject({ status: 'screening', resume: {}, applicant: { name: 'Erased applicant', links: [] } });
    expect(stored!.applicant.email).not.toBe(applicant.email);
    expect(stored!.applicant.phone).toBeUndefined();
    expect(stored!.erasedAt).toBeInstanceOf(Date);
  });
});
