import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, login, registerUser, uniqueEmail } from '../../support/auth.js';

describe('sign-in lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('register → login → me → refresh → logout', async () => {
    const email = uniqueEmail('flow');
    const registered = await t.http().post('/api/auth/register').send({ email, password: 'a long enough pass', displayName: 'Flow' });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toMatchObject({ email, role: 'user', profile: { displayName: 'Flow', timezone: 'UTC' } });
    expect(registered.body.user.passwordHash).toBeUndefined();

    const tokens = await login(t, email.toUpperCase(), 'a long enough pass');
    const me = await t.http().get('/api/users/me').set(bearer(tokens));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: registered.body.user.id, email });
    expect(me.body.lastLoginAt).toBeTruthy();

    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(tokens.refreshToken);
    expect((await t.http().get('/api/users/me').set(bearer(refreshed.body))).status).toBe(200);

    expect((await t.http().post('/api/auth/logout').set(bearer(refreshed.body))).status).toBe(204);
    const afterLogout = await t.http().post('/api/auth/refresh').send({ refreshToken: refreshed.body.refreshToken });
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a wrong password and an unknown email alike with 401', async () => {
    const user = await registerUser(t);
    const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'not the password' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: uniqueEmail('ghost'), password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rejects an access token that is malformed, forged or missing', async () => {
    expect((await t.http().get('/api/users/me')).status).toBe(401);
    expect((await t.http().get('/api/users/me').set('Authorization', 'Bearer not-a-jwt')).status).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2NjVmMWMyYjlkM2U0YTAwMTIzNDU2NzgiLCJyb2xlIjoiYWRtaW4iLCJzaWQiOiJ4IiwidHlwIjoiYWNjZXNzIn0.c2lnbmF0dXJl';
    expect((await t.http().get('/api/users').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('revokes the whole family when a rotated refresh token is used again', async () => {
    const user = await registerUser(t);
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(first.status).toBe(200);

    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(replay.status).toBe(401);
    // The legitimate holder's newer token is dead too: the family is revoked.
    const newer = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
    expect(newer.status).toBe(401);

    // The revoked family's access token stops as well; a new sign-in reads the log.
    expect((await t.http().get('/api/users/me').set(bearer(first.body))).status).toBe(401);
    const activity = await t
      .http()
      .get('/api/users/me/activity')
      .set(bearer(await login(t, user.email, user.password)));
    expect(activity.body.items.map((a: { type: string }) => a.type)).toContain('refresh-token-reuse');
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const user = await registerUser(t);
    const [a, b] = await Promise.all([
      t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }),
      t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
  });

  it('lists my sessions and revokes one of them', async () => {
    const user = await registerUser(t);
    const second = await login(t, user.email, user.password);
    const list = await t.http().get('/api/auth/sessions').set(bearer(user));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.find((s: { current: boolean }) => !s.current);

    expect((await t.http().delete(`/api/auth/sessions/${other.id}`).set(bearer(user))).status).toBe(204);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken })).status).toBe(401);
    expect((await t.http().get('/api/auth/sessions').set(bearer(user))).body).toHaveLength(1);
  });

  it('changes the password: old one refused, other sessions signed out, activity recorded', async () => {
    const user = await registerUser(t);
    const elsewhere = await login(t, user.email, user.password);
    const wrongCurrent = await t
      .http()
      .post('/api/auth/password')
      .set(bearer(user))
      .send({ currentPassword: 'nope nope nope', newPassword: 'brand new password' });
    expect(wrongCurrent.status).toBe(400);

    const changed = await t
      .http()
      .post('/api/auth/password')
      .set(bearer(user))
      .send({ currentPassword: user.password, newPassword: 'brand new password' });
    expect(changed.status).toBe(204);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    await login(t, user.email, 'brand new password');
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken })).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(200);

    const types = (await t.http().get('/api/users/me/activity?limit=100').set(bearer(user))).body.items.map(
      (a: { type: string }) => a.type,
    );
    expect(types).toEqual(expect.arrayContaining(['registered', 'login', 'password-changed', 'login-failed']));
  });

  it('records the client address and user agent of each sign-in', async () => {
    const user = await registerUser(t);
    await t.http().post('/api/auth/login').set('User-Agent', 'AtriumTest/1.0').send({ email: user.email, password: user.password });
    const activity = await t.http().get('/api/users/me/activity').set(bearer(user));
    const loginEvent = activity.body.items.find((a: { type: string }) => a.type === 'login');
    expect(loginEvent).toMatchObject({ userAgent: 'AtriumTest/1.0' });
    expect(loginEvent.ip).toBeTruthy();
    expect(activity.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('locks an email after repeated failures, for unknown emails as well', async () => {
    const user = await registerUser(t);
    for (let i = 0; i < 5; i++) {
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong password' })).status).toBe(401);
    }
    const locked = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++) await t.http().post('/api/auth/login').send({ email: ghost, password: 'wrong password' });
    expect((await t.http().post('/api/auth/login').send({ email: ghost, password: 'wrong password' })).status).toBe(429);
  });
});
