import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { agePresence, presenceModel } from '../../support/factories/presence.js';

describe('presence', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('reports online, away and offline from heartbeats', async () => {
    const [a, b] = await Promise.all([registerUser(t), registerUser(t)]);
    const statusOfA = async () => (await t.http().get(`/api/presence/${a.id}`).set(bearer(b))).body;
    expect(await statusOfA()).toMatchObject({ status: 'offline' });
    expect((await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({})).body).toMatchObject({ userId: a.id, status: 'online' });
    expect(await statusOfA()).toMatchObject({ status: 'online' });
    await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({ status: 'away' });
    expect((await statusOfA()).status).toBe('away');
    await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({});
    await agePresence(t.app, a.id, 2 * 60_000);
    expect((await statusOfA()).status).toBe('away');
    await agePresence(t.app, a.id, 10 * 60_000);
    expect((await statusOfA()).status).toBe('offline');
    expect((await t.http().post('/api/presence/heartbeat').set(bearer(a)).send({ status: 'sleeping' })).status).toBe(400);
  });

  it('has no presence for an unknown or deleted user (404), and erases a deleted user’s', async () => {
    const [viewer, leaving] = await Promise.all([registerUser(t), registerUser(t)]);
    expect((await t.http().get('/api/presence/665f1c2b9d3e4a0012345678').set(bearer(viewer))).status).toBe(404);
    await t.http().post('/api/presence/heartbeat').set(bearer(leaving)).send({}).expect(200);
    await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password }).expect(204);
    expect((await t.http().get(`/api/presence/${leaving.id}`).set(bearer(viewer))).status).toBe(404);
    expect(await presenceModel(t.app).countDocuments({ userId: leaving.id })).toBe(0);
  });
});
