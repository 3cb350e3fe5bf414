import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailCapturesService } from '../../../src/modules/marketing/email-captures.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

describe('presence and email captures', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  it('reports online, away and offline from heartbeats', async () => {
    const [a, b] = await Promise.all([registerUser(t), registerUser(t)]);
    expect((await t.http().get(`/api/presence/${a.id}`).set(bearer(b))).body).toMatchObject({ status: 'offline' });
    expect((await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({})).body).toMatchObject({ userId: a.id, status: 'online' });
    expect((await t.http().get(`/api/presence/${a.id}`).set(bearer(b))).body).toMatchObject({ status: 'online' });
    await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({ status: 'away' });
    expect((await t.http().get(`/api/presence/${a.id}`).set(bearer(b))).body.status).toBe('away');
    await t.connection.collection('presences').updateOne({}, { $set: { lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    expect((await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({ status: 'sleeping' })).status).toBe(400);
  });

  it('double opt-in: capture, confirm by the mailed link, unsubscribe in one click', async () => {
    const email = `reader.${Date.now()}@example.com`;
    const first = await t.http().post('/api/email-captures').send({ email: email.toUpperCase(), source: 'landing-page' });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: 'pending' });
    await t.http().post('/api/email-captures').send({ email, source: 'footer' }).expect(202);
    expect(await t.connection.collection('emailcaptures').countDocuments({ email })).toBe(1);
    const mails = await t.connection.collection('emailqueue').find({ to: email }).toArray();
    expect(mails).toHaveLength(1);
    const link = /href="([^"]+)"/
      .exec(mails[0].html)![1]
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    const path = new URL(link).pathname + new URL(link).search;
    expect(path).toMatch(/^\/api\/email-captures\/confirm\?token=/);

    expect((await t.http().get(path)).body).toEqual({ status: 'confirmed' });
    expect((await t.http().get('/api/email-captures/confirm?token=665f1c2b9d3e4a0012345678.0.forged')).status).toBe(400);

    const list = await t.http().get('/api/email-captures?status=confirmed').set(bearer(staff));
    expect(list.body.items.map((c: { email: string }) => c.email)).toContain(email);
    const csv = await t.http().get('/api/email-captures/export?status=confirmed').set(bearer(staff));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('email,source,status,created_at,confirmed_at,unsubscribed_at');
    expect(csv.text).toContain(`${email},landing-page,confirmed`);
    expect(
      (
        await t
          .http()
          .get('/api/email-captures')
          .set(bearer(await registerUser(t)))
      ).status,
    ).toBe(403);

    const id = (await t.connection.collection('emailcaptures').findOne({ email }))!._id.toString();
    const unsubscribe = new URL(t.app.get(EmailCapturesService).unsubscribeUrl(id));
    expect((await t.http().post(unsubscribe.pathname + unsubscribe.search)).body).toEqual({ status: 'unsubscribed' });
    expect((await t.http().get(unsubscribe.pathname + unsubscribe.search)).body).toEqual({ status: 'unsubscribed' });
    expect((await t.connection.collection('emailcaptures').findOne({ email }))!.unsubscribedAt).toBeInstanceOf(Date);
  });

  it('refuses a malformed address or source', async () => {
    expect((await t.http().post('/api/email-captures').send({ email: 'not-an-email', source: 'x' })).status).toBe(400);
    expect((await t.http().post('/api/email-captures').send({ email: 'a@example.com', source: '<script>' })).status).toBe(400);
  });
});
