import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, login, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

// Instances re-read an account at most this long after they last did.
const CACHE_MS = 1000;
process.env.AUTH_ACCOUNT_CACHE_MS = String(CACHE_MS);

/** Polls until the token is refused; answers how long that took. */
async function refusedWithin(t: TestApp, token: { accessToken: string }, boundMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < boundMs) {
    if ((await t.http().get('/api/users/me').set(bearer(token))).status === 401) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the token still worked after ${boundMs} ms`);
}

/**
 * Two instances on one database: the change is made on one, the token is used on the other, whose
 * cache has just read the account as active.
 */
describe('deactivation and revocation across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    admin = await userWithRole(b, 'admin');
  });
  afterAll(async () => {
    await b?.close({ dropDatabase: false });
    await a?.close();
  });

  it('stops a deactivated user\u2019s token on every instance within the cache window, payments included', async () => {
    const user = await registerUser(a);
    expect((await a.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
    const before = await a.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 1_000, currency: 'EUR' });
    expect(before.status).toBe(201);

    const changed = await b
      .http()
      .patch(`/api/users/${user.id}/status`)
      .set(bearer(admin))
      .send({ status: 'deactivated', reason: 'chargeback review' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: user.id, status: 'deactivated', statusReason: 'chargeback review' });

    expect(await refusedWithin(a, user, CACHE_MS + 2000)).toBeLessThanOrEqual(CACHE_MS + 2000);
    const payment = await a.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 1_000, currency: 'EUR' });
    expect(payment.status).toBe(401);
    expect(await a.connection.collection('transactions').countDocuments({ amount: 1_000 })).toBe(1);
  });

  it('refuses a deactivated account\u2019s sign-in and refresh with a clear 403, only to whoever knows the password', async () => {
    const user = await registerUser(a);
    await b.http().patch(`/api/users/${user.id}/status`).set(bearer(admin)).send({ status: 'deactivated' }).expect(200);

    const signIn = await a.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(signIn.status).toBe(403);
    expect(signIn.headers['content-type']).toContain('application/problem+json');
    expect(signIn.body).toMatchObject({ type: 'urn:atrium:problem:account-deactivated', status: 403 });
    const wrong = await a.http().post('/api/auth/login').send({ email: user.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    const refresh = await a.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
    expect(refresh.status).toBe(403);
    expect(refresh.body.type).toBe('urn:atrium:problem:account-deactivated');

    const activity = await b.http().get(`/api/users/${user.id}/activity`).set(bearer(admin));
    expect(activity.body.items.find((item: { type: string }) => item.type === 'account-deactivated')).toMatchObject({
      actorId: admin.id,
    });
  });

  it('reactivates: the user signs in again, but tokens from before the deactivation stay dead', async () => {
    const user = await registerUser(a);
    await b.http().patch(`/api/users/${user.id}/status`).set(bearer(admin)).send({ status: 'deactivated' }).expect(200);
    const reactivated = await b.http().patch(`/api/users/${user.id}/status`).set(bearer(admin)).send({ status: 'active' });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.status).toBe('active');
    expect(reactivated.body.statusReason).toBeUndefined();

    expect(await refusedWithin(a, user, CACHE_MS + 2000)).toBeGreaterThanOrEqual(0);
    expect((await a.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
    const fresh = await login(a, user.email, user.password);
    expect((await a.http().get('/api/users/me').set(bearer(fresh))).status).toBe(200);
    const types = (await b.http().get(`/api/users/${user.id}/activity`).set(bearer(admin))).body.items.map(
      (item: { type: string }) => item.type,
    );
    expect(types).toEqual(expect.arrayContaining(['account-deactivated', 'account-reactivated']));
  });

  it('lets only an admin change a status, never their own, and never a deleted account\u2019s', async () => {
    const user = await registerUser(a);
    const staff = await userWithRole(a, 'staff');
    expect((await a.http().patch(`/api/users/${user.id}/status`).set(bearer(staff)).send({ status: 'deactivated' })).status).toBe(403);
    expect((await a.http().patch(`/api/users/${user.id}/status`).set(bearer(user)).send({ status: 'deactivated' })).status).toBe(403);
    expect((await a.http().patch(`/api/users/${admin.id}/status`).set(bearer(admin)).send({ status: 'deactivated' })).status).toBe(409);
    expect((await a.http().patch(`/api/users/${user.id}/status`).set(bearer(admin)).send({ status: 'deleted' })).status).toBe(400);

    await a.http().delete('/api/users/me').set(bearer(user)).send({ password: user.password }).expect(204);
    const revive = await a.http().patch(`/api/users/${user.id}/status`).set(bearer(admin)).send({ status: 'active' });
    expect(revive.status).toBe(409);
  });

  it('stops a revoked session\u2019s and a logged-out session\u2019s tokens on the other instance', async () => {
    const user = await registerUser(a);
    const second = await login(a, user.email, user.password);
    const third = await login(a, user.email, user.password);
    for (const token of [second, third]) expect((await a.http().get('/api/users/me').set(bearer(token))).status).toBe(200);

    await b
      .http()
      .delete(`/api/auth/sessions/${sessionOf(third)}`)
      .set(bearer(user))
      .expect(204);
    await b.http().post('/api/auth/logout').set(bearer(second)).expect(204);

    await refusedWithin(a, third, CACHE_MS + 2000);
    await refusedWithin(a, second, CACHE_MS + 2000);
    expect((await a.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
  });

  it('signs other devices out on a password change, within the window on every instance', async () => {
    const user = await registerUser(a);
    const elsewhere = await login(a, user.email, user.password);
    expect((await a.http().get('/api/users/me').set(bearer(elsewhere))).status).toBe(200);
    await b
      .http()
      .post('/api/auth/password')
      .set(bearer(user))
      .send({ currentPassword: user.password, newPassword: 'a brand new password' })
      .expect(204);
    await refusedWithin(a, elsewhere, CACHE_MS + 2000);
    expect((await a.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
  });
});

/** The session id an access token carries. */
function sessionOf(token: { accessToken: string }): string {
  return JSON.parse(Buffer.from(token.accessToken.split('.')[1], 'base64url').toString()).sid;
}
