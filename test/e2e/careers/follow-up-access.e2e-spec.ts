import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { applicantEmail, applicationInput, mailedFollowUpToken, postingInput } from '../../support/factories/careers.js';

describe('reaching applications by address and follow-up token', () => {
  let t: TestApp;
  let staff: TestUser;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    postingId = (await t.http().post('/api/careers/jobs').set(bearer(staff)).send(postingInput())).body.id;
  });
  afterAll(() => t?.close());

  const apply = async (email: string) =>
    (await t.http().post('/api/careers/applications').send(applicationInput(postingId, { email }))).body;
  const byEmail = (email: string) => t.http().get(`/api/careers/applications/email/${encodeURIComponent(email)}`);
  const followUpMails = (email: string) =>
    t.connection.collection('emailqueue').countDocuments({ to: email, template: 'careers-follow-up-link' });

  it('refuses the address alone, allows its own token, and refuses another address’s token', async () => {
    const ada = applicantEmail();
    const grace = applicantEmail();
    const application = await apply(ada);
    await apply(grace);
    const adaToken = await mailedFollowUpToken(t.app, ada);
    const graceToken = await mailedFollowUpToken(t.app, grace);

    expect((await byEmail(ada)).status).toBe(401);
    const own = await byEmail(ada).query({ token: adaToken });
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([expect.objectContaining({ id: application.id, applicantEmail: ada })]);
    expect((await byEmail(ada).query({ token: graceToken })).status).toBe(404);
    expect((await byEmail(ada).query({ token: 'A'.repeat(43) })).status).toBe(404);
    expect((await byEmail(ada).query({ token: 'short' })).status).toBe(400);
    expect((await t.http().get(`/api/careers/applications/${application.id}`).query({ token: graceToken })).status).toBe(404);

    // A signed-in user who is not staff gets nothing by address, not even their own without the token.
    const someone = await registerUser(t);
    expect((await byEmail(ada).set(bearer(someone))).status).toBe(404);
    const desk = await byEmail(ada).set(bearer(staff));
    expect(desk.status).toBe(200);
    expect(desk.body.total).toBe(1);
  });

  it('stops honouring a token once it expired', async () => {
    const email = applicantEmail();
    await apply(email);
    const token = await mailedFollowUpToken(t.app, email);
    await t.connection.collection('careerfollowuplinks').updateMany({ email }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await byEmail(email).query({ token })).status).toBe(404);
  });

  it('answers 202 to a follow-up link request whether or not the address applied, and mails only when it did', async () => {
    const applied = applicantEmail();
    const stranger = applicantEmail();
    await apply(applied);
    expect(await followUpMails(applied)).toBe(1);
    for (const email of [applied, stranger]) {
      const response = await t.http().post('/api/careers/applications/follow-up-link').send({ email });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ status: 'accepted' });
    }
    expect(await followUpMails(applied)).toBe(2);
    expect(await followUpMails(stranger)).toBe(0);
    const resent = await mailedFollowUpToken(t.app, applied);
    expect((await byEmail(applied).query({ token: resent })).status).toBe(200);
    expect(await t.connection.collection('careerfollowuplinks').countDocuments({ tokenHash: resent })).toBe(0);
  });
});
