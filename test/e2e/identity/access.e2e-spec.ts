import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, login, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

describe('who may do what in identity', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let staff: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob, staff, admin] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff'), userWithRole(t, 'admin')]);
  });
  afterAll(() => t?.close());

  it("hides another user's security activity (404, as for no user at all); staff may read it", async () => {
    const hidden = await t.http().get(`/api/users/${bob.id}/activity`).set(bearer(alice));
    expect(hidden.status).toBe(404);
    expect((await t.http().get('/api/users/665f1c2b9d3e4a0012345678/activity').set(bearer(alice))).body.title).toBe(hidden.body.title);
    expect((await t.http().get(`/api/users/${alice.id}/activity`).set(bearer(alice))).status).toBe(200);
    const asStaff = await t.http().get(`/api/users/${alice.id}/activity`).set(bearer(staff));
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.total).toBeGreaterThan(0);
  });

  it("treats another user's session as one that does not exist (404), and leaves it alone", async () => {
    const bobSessions = await t.http().get('/api/auth/sessions').set(bearer(bob));
    const target = bobSessions.body[0].id;
    const attempt = await t.http().delete(`/api/auth/sessions/${target}`).set(bearer(alice));
    expect(attempt.status).toBe(404);
    expect((await t.http().delete('/api/auth/sessions/665f1c2b9d3e4a0012345678').set(bearer(alice))).status).toBe(404);
    expect((await t.http().get('/api/auth/sessions').set(bearer(bob))).body).toHaveLength(bobSessions.body.length);
  });

  it('shows a public profile without email or preferences', async () => {
    const response = await t.http().get(`/api/users/${bob.id}`).set(bearer(alice));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: bob.id, role: 'user' });
    expect(response.body.email).toBeUndefined();
    expect(response.body.preferences).toBeUndefined();
  });

  it('lets only staff and admin search users, by role and name prefix', async () => {
    expect((await t.http().get('/api/users').set(bearer(alice))).status).toBe(403);
    expect((await t.http().get('/api/users')).status).toBe(401);
    const all = await t.http().get('/api/users?limit=2').set(bearer(staff));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, limit: 2, total: 4 });
    expect(all.body.items).toHaveLength(2);
    const admins = await t.http().get('/api/users?role=admin').set(bearer(admin));
    expect(admins.body.items.map((u: { id: string }) => u.id)).toEqual([admin.id]);
    const byPrefix = await t
      .http()
      .get(`/api/users?q=${encodeURIComponent(bob.email.slice(0, 12).toUpperCase())}`)
      .set(bearer(staff));
    expect(byPrefix.body.items.map((u: { id: string }) => u.id)).toContain(bob.id);
    const regexChars = await t.http().get('/api/users?q=.*').set(bearer(staff));
    expect(regexChars.status).toBe(200);
    expect(regexChars.body.total).toBe(0);
    // Any character a name may hold, NUL included, is a prefix like another (a regex could not carry it).
    const nul = await t.http().get('/api/users').query({ q: 'a\u0000b' }).set(bearer(staff));
    expect(nul.status, JSON.stringify(nul.body)).toBe(200);
    expect(nul.body.total).toBe(0);
  });

  it('lets only admin change roles; the new role applies at the next sign-in', async () => {
    const carol = await registerUser(t);
    expect((await t.http().patch(`/api/users/${carol.id}/role`).set(bearer(staff)).send({ role: 'staff' })).status).toBe(403);
    expect((await t.http().patch(`/api/users/${carol.id}/role`).set(bearer(carol)).send({ role: 'admin' })).status).toBe(403);
    expect((await t.http().patch(`/api/users/${carol.id}/role`).set(bearer(admin)).send({ role: 'root' })).status).toBe(400);

    const promoted = await t.http().patch(`/api/users/${carol.id}/role`).set(bearer(admin)).send({ role: 'staff' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('staff');
    // Old refresh tokens are revoked; signing in again yields a token with the new role.
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: carol.refreshToken })).status).toBe(401);
    const fresh = await login(t, carol.email, carol.password);
    expect((await t.http().get('/api/users').set(bearer(fresh))).status).toBe(200);

    const activity = await t.http().get(`/api/users/${carol.id}/activity`).set(bearer(admin));
    const change = activity.body.items.find((a: { type: string }) => a.type === 'role-changed');
    expect(change).toMatchObject({ actorId: admin.id, details: { from: 'user', to: 'staff' } });
  });

  it('refuses an admin changing their own role', async () => {
    expect((await t.http().patch(`/api/users/${admin.id}/role`).set(bearer(admin)).send({ role: 'user' })).status).toBe(409);
  });

  it('updates my profile and preferences and nothing else', async () => {
    const response = await t
      .http()
      .patch('/api/users/me')
      .set(bearer(alice))
      .send({
        profile: { displayName: 'Alice A.', timezone: 'Europe/Berlin', avatarUrl: 'https://cdn.example.com/a.png' },
        preferences: { theme: 'dark' },
      });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      profile: { displayName: 'Alice A.', timezone: 'Europe/Berlin', firstName: 'Test' },
      preferences: { theme: 'dark', productEmails: true },
    });
    expect((await t.http().get(`/api/users/${alice.id}`).set(bearer(bob))).body.displayName).toBe('Alice A.');
    const http = await t
      .http()
      .patch('/api/users/me')
      .set(bearer(alice))
      .send({ profile: { avatarUrl: 'javascript:alert(1)' } });
    expect(http.status).toBe(400);
  });

  it('keeps a phone number for text messages only in E.164 form', async () => {
    const saved = await t
      .http()
      .patch('/api/users/me')
      .set(bearer(bob))
      .send({ profile: { phone: '+4930123456' } });
    expect(saved.status).toBe(200);
    expect(saved.body.profile.phone).toBe('+4930123456');
    for (const phone of ['030 123456', '+0123456789', '+1234567890123456'])
      expect((await t.http().patch('/api/users/me').set(bearer(bob)).send({ profile: { phone } })).status).toBe(400);
    expect((await t.http().get(`/api/users/${bob.id}`).set(bearer(alice))).body.phone).toBeUndefined();
  });
});
