import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { startDisposableDatabase, type DisposableDatabase } from '../../support/disposable-database.js';

describe('database outage', () => {
  let t: TestApp | undefined;
  let database: DisposableDatabase | undefined;
  afterEach(async () => {
    await t?.close({ dropDatabase: false });
    await database?.stop();
  });

  it('answers 503 with Retry-After while the database is away and recovers without a restart', async (context) => {
    database = await startDisposableDatabase(context);
    process.env.MONGODB_URI = database.uri;
    process.env.MONGODB_SERVER_SELECTION_TIMEOUT_MS = '1000';
    t = await startTestApp();
    const user = await registerUser(t);
    expect((await t.http().get('/api/health/ready')).status).toBe(200);

    await database.stop();
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBeTruthy();
    expect(ready.headers['content-type']).toContain('application/problem+json');
    const me = await t.http().get('/api/users/me').set(bearer(user));
    expect(me.status).toBe(503);
    expect(me.headers['retry-after']).toBe('5');
    expect(me.body).toMatchObject({ type: 'urn:atrium:problem:database-unavailable', status: 503 });
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(503);
    expect((await t.http().get('/api/health/live')).status).toBe(200);

    await database.restart();
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await t.http().get('/api/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    // The restarted server may be empty (memory backend); the API works again either way.
    expect(
      (
        await t
          .http()
          .post('/api/auth/register')
          .send({ email: `back.${Date.now()}@example.com`, password: 'long enough pass' })
      ).status,
    ).toBe(201);
  });
});
