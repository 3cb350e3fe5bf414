import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { applicationInput, expireOffer, mailedFollowUpToken, postingInput } from '../../support/factories/careers.js';

const DAY_MS = 86_400_000;

describe('job applications through HTTP', () => {
  let t: TestApp;
  let staff: TestUser;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    const posting = await t.http().post('/api/careers/jobs').set(bearer(staff)).send(postingInput());
    expect(posting.status, JSON.stringify(posting.body)).toBe(201);
    postingId = posting.body.id;
  });
  afterAll(() => t?.close());

  const apply = async (overrides: Record<string, unknown> = {}, user?: TestUser) => {
    const request = t.http().post('/api/careers/applications');
    if (user) request.set(bearer(user));
    const response = await request.send(applicationInput(postingId, overrides));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const move = (id: string, to: string) => t.http().post(`/api/careers/applications/${id}/transitions`).set(bearer(staff)).send({ to });
  const offer = (id: string, days = 7) =>
    t
      .http()
      .post(`/api/careers/applications/${id}/offer`)
      .set(bearer(staff))
      .send({ salary: 90_000_00, currency: 'EUR', startDate: '2027-03-01', expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() });

  it('lists open postings publicly and lives a whole pipeline: screening, interviews, offer, accepted, hired', async () => {
    const board = await t.http().get('/api/careers/jobs');
    expect(board.status).toBe(200);
    expect(board.body.items.map((item: { id: string }) => item.id)).toContain(postingId);

    const applicant = await registerUser(t);
    const application = await apply({ email: applicant.email }, applicant);
    expect(application).toMatchObject({ status: 'submitted', applicant: { userId: applicant.id }, resume: { kind: 'url' } });
    expect(application.applicationId).toMatch(/^APP-\d{4}-\d{6}$/);

    for (const to of ['screening', 'phone_interview', 'technical_interview', 'onsite_interview']) {
      const moved = await move(application.id, to);
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.status).toBe(to);
    }
    const scheduled = await t
      .http()
      .post(`/api/careers/applications/${application.id}/interviews`)
      .set(bearer(staff))
      .send({
        scheduledAt: new Date(Date.now() + DAY_MS).toISOString(),
        kind: 'onsite',
        interviewerIds: [staff.id],
        location: 'Berlin office',
      });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const interviewId = scheduled.body.interviews[0].id;
    const feedback = await t
      .http()
      .patch(`/api/careers/applications/${application.id}/interviews/${interviewId}`)
      .set(bearer(staff))
      .send({ feedback: 'Strong system design, quiet in the pairing part.', score: 4 });
    expect(feedback.status).toBe(200);
    expect(feedback.body.interviews[0]).toMatchObject({ score: 4, feedback: 'Strong system design, quiet in the pairing part.' });

    const offered = await offer(application.id);
    expect(offered.status, JSON.stringify(offered.body)).toBe(201);
    expect(offered.body).toMatchObject({
      status: 'offer_extended',
      offer: { salary: 90_000_00, currency: 'EUR', startDate: '2027-03-01' },
    });
    const accepted = await t.http().post(`/api/careers/applications/${application.id}/offer/accept`).set(bearer(applicant)).send();
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('offer_accepted');
    expect((await t.http().post(`/api/careers/applications/${application.id}/offer/decline`).set(bearer(applicant)).send()).status).toBe(
      409,
    );
    expect((await move(application.id, 'hired')).body.status).toBe('hired');

    const mine = await t.http().get(`/api/careers/applications/user/${applicant.id}`).set(bearer(applicant));
    expect(mine.body.items).toEqual([expect.objectContaining({ id: application.id, status: 'hired' })]);
  });

  it('answers a jump over stages, and a move out of a final stage, with 409', async () => {
    const application = await apply();
    const jump = await move(application.id, 'hired');
    expect(jump.status).toBe(409);
    expect(jump.body.type).toBe('urn:atrium:problem:illegal-transition');
    expect((await move(application.id, 'offer_extended')).status).toBe(409);
    expect((await move(application.id, 'rejected')).status).toBe(200);
    expect((await move(application.id, 'screening')).status).toBe(409);
  });

  it('lets the applicant withdraw from an open stage with the mailed token, and refuses it from a final one', async () => {
    const application = await apply();
    await move(application.id, 'screening');
    const token = await mailedFollowUpToken(t.app, application.applicant.email);
    const withdrawn = await t
      .http()
      .post(`/api/careers/applications/${application.id}/withdraw`)
      .query({ token })
      .send({ reason: 'Took another job' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');

    const rejected = await apply();
    await move(rejected.id, 'rejected');
    const rejectedToken = await mailedFollowUpToken(t.app, rejected.applicant.email);
    const refused = await t.http().post(`/api/careers/applications/${rejected.id}/withdraw`).query({ token: rejectedToken }).send({});
    expect(refused.status).toBe(409);
    // Staff see the application but only the applicant withdraws it.
    expect((await t.http().post(`/api/careers/applications/${application.id}/withdraw`).set(bearer(staff)).send({})).status).toBe(403);
  });

  it('refuses a second active application for the same posting and address, and takes one again once the first is final', async () => {
    const email = `dup.${Date.now()}@example.com`;
    const first = await apply({ email });
    const again = await t
      .http()
      .post('/api/careers/applications')
      .send(applicationInput(postingId, { email: email.toUpperCase() }));
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:atrium:problem:application-exists');
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => t.http().post('/api/careers/applications').send(applicationInput(postingId, { email }))),
    );
    expect(racing.map((response) => response.status)).toEqual([409, 409, 409, 409, 409]);
    await move(first.id, 'rejected');
    expect((await t.http().post('/api/careers/applications').send(applicationInput(postingId, { email }))).status).toBe(201);
  });

  it('shows the applicant a redacted view: no feedback, scores, interviewers, notes or history', async () => {
    const application = await apply();
    await move(application.id, 'screening');
    await move(application.id, 'phone_interview');
    const scheduled = await t
      .http()
      .post(`/api/careers/applications/${application.id}/interviews`)
      .set(bearer(staff))
      .send({ scheduledAt: new Date(Date.now() + DAY_MS).toISOString(), kind: 'phone', interviewerIds: [staff.id] });
    const interviewId = scheduled.body.interviews[0].id;
    await t
      .http()
      .patch(`/api/careers/applications/${application.id}/interviews/${interviewId}`)
      .set(bearer(staff))
      .send({ feedback: 'Not senior enough yet', score: 2 });
    await t
      .http()
      .post(`/api/careers/applications/${application.id}/notes`)
      .set(bearer(staff))
      .send({ body: 'Salary expectation above band' });

    const staffView = await t.http().get(`/api/careers/applications/${application.id}`).set(bearer(staff));
    expect(staffView.body.interviews[0]).toMatchObject({ feedback: 'Not senior enough yet', score: 2, interviewerIds: [staff.id] });
    expect(staffView.body.notes).toEqual([expect.objectContaining({ body: 'Salary expectation above band' })]);
    expect(staffView.body.history.length).toBe(3);

    const token = await mailedFollowUpToken(t.app, application.applicant.email);
    const own = await t.http().get(`/api/careers/applications/${application.id}`).query({ token });
    expect(own.status).toBe(200);
    expect(own.body.interviews[0]).toMatchObject({ kind: 'phone' });
    const text = JSON.stringify(own.body);
    for (const hidden of ['Not senior enough yet', 'score', 'interviewerIds', 'Salary expectation', '"notes"', '"history"', 'reviewerId'])
      expect(text).not.toContain(hidden);
  });

  it('takes an answer to an offer before it expires, and refuses one after with 410', async () => {
    const application = await apply();
    for (const to of ['screening', 'phone_interview', 'onsite_interview']) await move(application.id, to);
    expect((await offer(application.id)).status).toBe(201);
    expect((await offer(application.id)).status).toBe(409);
    await expireOffer(t.app, application.id);
    const token = await mailedFollowUpToken(t.app, application.applicant.email);
    const late = await t.http().post(`/api/careers/applications/${application.id}/offer/accept`).query({ token }).send();
    expect(late.status).toBe(410);
    expect(late.body.type).toBe('urn:atrium:problem:offer-expired');
  });

  it('refuses bad input with a problem, never a 500', async () => {
    const bad = [
      applicationInput(postingId, { resumeUrl: 'javascript:alert(1)' }),
      applicationInput(postingId, { resumeUrl: 'http://cv.example.com/a.pdf' }),
      applicationInput(postingId, { links: Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`) }),
      applicationInput(postingId, { name: 'x'.repeat(201) }),
      applicationInput(postingId, { email: 'not-an-address' }),
      { ...applicationInput(postingId), unknown: true },
    ];
    for (const body of bad) expect((await t.http().post('/api/careers/applications').send(body)).status).toBe(400);
    const closed = await t
      .http()
      .post('/api/careers/jobs')
      .set(bearer(staff))
      .send(postingInput({ state: 'closed' }));
    expect((await t.http().post('/api/careers/applications').send(applicationInput(closed.body.id))).status).toBe(404);
  });
});
