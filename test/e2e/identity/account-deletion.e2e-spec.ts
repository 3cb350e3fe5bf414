import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { AccountDeletionService } from '../../../src/modules/identity/account-deletion.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { leaveOwed } from '../../support/factories/identity.js';
import { confirmedCapture } from '../../support/factories/marketing.js';
import { until } from '../../support/wait.js';

describe('deleting my account', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithRole(t, 'admin');
  });
  afterAll(() => t?.close());

  const count = (collection: string, filter: Record<string, unknown>) => t.connection.collection(collection).countDocuments(filter);

  /** A user with something in every context: profile, a paid invoice, push, presence, an email capture, notifications. */
  async function userWithHistory(): Promise<TestUser & { paymentId: string }> {
    const user = await registerUser(t, { displayName: 'Erin Example' });
    await t
      .http()
      .patch('/api/users/me')
      .set(bearer(user))
      .send({ profile: { bio: 'likes long walks', avatarUrl: 'https://cdn.example.com/erin.png' }, preferences: { theme: 'dark' } })
      .expect(200);
    const intent = await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 4_200, currency: 'EUR' });
    await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(user)).send({}).expect(200);
    await t
      .http()
      .post('/api/notifications/subscribe')
      .set(bearer(user))
      .send({
        endpoint: `https://push.example.com/${user.id}`,
        keys: {
          p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
          auth: 'tBHItJI5svbpez7KI4CCXg',
        },
      })
      .expect(201);
    await t
      .http()
      .put('/api/notifications/settings')
      .set(bearer(user))
      .send({ quietHours: { enabled: true } });
    await t.http().post('/api/presence/heartbeat').set(bearer(user)).send({}).expect(200);
    await t.http().post('/api/email-captures').send({ email: user.email, source: 'landing-page' }).expect(202);
    await t.http().post('/api/auth/login').send({ email: user.email, password: 'a wrong password here' }).expect(401);
    const userId = new Types.ObjectId(user.id);
    // The welcome and receipt notifications and the invoice may follow the answers; wait for them.
    await until(async () => (await count('notifications', { userId })) >= 2 && (await count('invoices', { userId })) === 1);
    return { ...user, paymentId: intent.body.id };
  }

  it('erases personal data everywhere, keeps the payment records, and frees the address', async () => {
    const user = await userWithHistory();
    const userId = new Types.ObjectId(user.id);
    expect(await count('pushsubscriptions', { userId })).toBe(1);
    expect(await count('presences', { userId })).toBe(1);
    expect(await count('emailcaptures', { email: user.email })).toBe(1);
    expect(await count('loginthrottles', {})).toBeGreaterThan(0);

    const deleted = await t.http().delete('/api/users/me').set(bearer(user)).send({ password: user.password });
    expect(deleted.status).toBe(204);

    // Its tokens stop, it cannot sign in (the same answer as for an unknown address), and nobody sees a profile.
    expect((await t.http().get('/api/users/me').set(bearer(user))).status).toBe(401);
    expect((await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 100, currency: 'EUR' })).status).toBe(401);
    const signIn = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(signIn.status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
    expect((await t.http().get(`/api/users/${user.id}`).set(bearer(admin))).status).toBe(404);

    const stored = await t.connection.collection('users').findOne({ _id: userId });
    expect(stored).toMatchObject({ status: 'deleted', email: `deleted-${user.id}@deleted.invalid`, searchKeys: [] });
    expect(stored?.profile).toEqual({ timezone: 'UTC', locale: 'en' });
    expect(stored?.preferences).toMatchObject({ theme: 'system', marketingEmails: false });
    // Not even the owed erasure it ran keeps the former address.
    expect(JSON.stringify(stored)).not.toContain(user.email);
    expect(JSON.stringify(stored)).not.toContain('Erin');

    for (const collection of ['notifications', 'notificationsettings', 'pushsubscriptions', 'presences', 'usersessions']) {
      expect(await count(collection, { userId }), collection).toBe(0);
    }
    expect(await count('emailcaptures', { email: user.email })).toBe(0);
    expect(await count('emailqueue', { to: user.email })).toBe(0);
    expect(JSON.stringify(await t.connection.collection('loginthrottles').find({}).toArray())).not.toContain(user.email);

    // What accounting law requires stays: the payment and its invoice, with the payer's id and the amounts.
    expect(await t.connection.collection('transactions').findOne({ userId })).toMatchObject({ amount: 4_200, currency: 'EUR' });
    expect(await t.connection.collection('invoices').findOne({ userId })).toMatchObject({ total: 4_200 });
    expect(await count('useractivities', { userId, type: 'account-deleted' })).toBe(1);

    // Nobody reaches the tombstone again: sends to its id or to its role create nothing for it.
    const staff = await userWithRole(t, 'staff');
    const message = { type: 'system', title: 'hello', body: 'anyone there?' };
    expect(
      (
        await t
          .http()
          .post('/api/notifications/send')
          .set(bearer(staff))
          .send({ ...message, userIds: [user.id] })
      ).body.created,
    ).toBe(0);
    await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ ...message, role: 'user' })
      .expect(201);
    expect(await count('notifications', { userId })).toBe(0);

    const again = await t.http().post('/api/auth/register').send({ email: user.email, password: 'a new life password' });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(user.id);
  });

  it('finishes an erasure a crash left owed, then forgets the address it carried', async () => {
    const user = await registerUser(t);
    const userId = new Types.ObjectId(user.id);
    await t.http().delete('/api/users/me').set(bearer(user)).send({ password: user.password }).expect(204);
    // The state a crash between the tombstone write and the erasure leaves: the capture still there, its effect owed.
    await confirmedCapture(t.app, user.email);
    await leaveOwed(t.app, user.id, {
      key: `user.deleted:${user.id}>marketing`,
      name: 'user.deleted>marketing',
      payload: { userId: user.id, email: user.email },
    });

    expect(await t.app.get(EffectsRelay).sweep()).toBeGreaterThanOrEqual(1);
    expect(await count('emailcaptures', { email: user.email })).toBe(0);
    expect(await t.app.get(AccountDeletionService).pruneDone({ _id: userId })).toBe(1);
    expect(JSON.stringify(await t.connection.collection('users').findOne({ _id: userId }))).not.toContain(user.email);
  });

  it('asks for the current password', async () => {
    const user = await registerUser(t);
    const wrong = await t.http().delete('/api/users/me').set(bearer(user)).send({ password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'password', message: 'is not the current password' }]);
    expect((await t.http().delete('/api/users/me').set(bearer(user)).send({})).status).toBe(400);
    expect((await t.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
  });

  it('lets nobody delete someone else\u2019s account, staff included', async () => {
    const victim = await registerUser(t);
    const other = await registerUser(t);
    const staff = await userWithRole(t, 'staff');
    // There is no route to delete another account (404, or 405 where the path exists for other methods); /me always means the caller.
    for (const caller of [staff, admin]) {
      const attempt = await t.http().delete(`/api/users/${victim.id}`).set(bearer(caller)).send({ password: victim.password });
      expect([404, 405]).toContain(attempt.status);
    }
    await t
      .http()
      .post('/api/auth/password')
      .set(bearer(other))
      .send({ currentPassword: other.password, newPassword: 'other has another password' })
      .expect(204);
    expect((await t.http().delete('/api/users/me').set(bearer(other)).send({ password: victim.password })).status).toBe(400);
    expect((await t.http().get('/api/users/me').set(bearer(victim))).status).toBe(200);
    expect(await count('users', { _id: new Types.ObjectId(victim.id), status: 'active' })).toBe(1);
  });

  it('keeps the last active admin', async () => {
    const refused = await t.http().delete('/api/users/me').set(bearer(admin)).send({ password: admin.password });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:atrium:problem:last-admin');
    expect((await t.http().get('/api/users/me').set(bearer(admin))).status).toBe(200);
  });
});
