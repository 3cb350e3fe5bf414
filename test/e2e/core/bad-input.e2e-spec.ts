import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, uniqueEmail, type TestUser } from '../../support/auth.js';

/** Every kind of bad input is a 4xx problem+json with a useful message, and nothing is written. */
describe('bad input', () => {
  let t: TestApp;
  let user: TestUser;
  const userCount = () => t.connection.collection('users').countDocuments();

  beforeAll(async () => {
    t = await startTestApp();
    user = await registerUser(t);
  });
  afterAll(() => t?.close());

  function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:atrium:problem:/), title: expect.any(String) });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
  }

  it('refuses an unknown field with the field named', async () => {
    const before = await userCount();
    const response = await t.http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'long enough pass', nickname: 'x' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'nickname', message: 'property nickname should not exist' }]);
    expect(await userCount()).toBe(before);
  });

  it('refuses role, id and createdAt in a registration (no mass assignment)', async () => {
    const before = await userCount();
    for (const extra of [
      { role: 'admin' },
      { id: '665f1c2b9d3e4a0012345678' },
      { createdAt: '2020-01-01' },
      { _id: '665f1c2b9d3e4a0012345678' },
    ]) {
      const response = await t
        .http()
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), password: 'long enough pass', ...extra });
      expectProblem(response, 400);
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses role and email in a profile update', async () => {
    for (const body of [{ role: 'admin' }, { email: 'new@example.com' }, { profile: { role: 'admin' } }]) {
      expectProblem(await t.http().patch('/api/users/me').set(bearer(user)).send(body), 400);
    }
    expect((await t.http().get('/api/users/me').set(bearer(user))).body.role).toBe('user');
  });

  it('refuses a list where a single nested object is declared', async () => {
    for (const body of [{ preferences: [[]] }, { profile: [{ firstName: 'Ann' }] }]) {
      const response = await t.http().patch('/api/users/me').set(bearer(user)).send(body);
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([{ field: Object.keys(body)[0], message: 'must be an object' }]);
    }
  });

  it('refuses a required nested object that is missing, naming it', async () => {
    const response = await t.http().post('/api/support/consultations').set(bearer(user)).send({ type: 'demo' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'company', message: 'is required' },
        { field: 'project', message: 'is required' },
      ]),
    );
  });

  it('searches for a control character as text, not as a broken pattern', async () => {
    const response = await t.http().get('/api/suggestions').query({ q: 'nul\u0000(x)' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  });

  it('refuses wrong types with per-field errors', async () => {
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 42, password: ['x'] });
    expectProblem(response, 400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));

    const patch = await t
      .http()
      .patch('/api/users/me')
      .set(bearer(user))
      .send({ profile: { timezone: 'Mars/Olympus' }, preferences: { theme: 3 } });
    expectProblem(patch, 400);
    expect((patch.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['profile.timezone', 'preferences.theme']),
    );
  });

  it('refuses operator injection in a body', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: { $gt: '' }, password: { $ne: null } });
    expectProblem(login, 400);
    expect(JSON.stringify(login.body.errors)).toContain('$gt');
    const nested = await t
      .http()
      .patch('/api/users/me')
      .set(bearer(user))
      .send({ profile: { 'bio.$': 'x' } });
    expectProblem(nested, 400);
  });

  it('refuses operator injection in a query string', async () => {
    const staffOnly = await t.http().get('/api/users/me/activity?page[$gt]=0').set(bearer(user));
    expectProblem(staffOnly, 400);
    const encoded = await t.http().get('/api/users/me/activity?limit%5B%24ne%5D=1').set(bearer(user));
    expectProblem(encoded, 400);
    const unknown = await t.http().get('/api/users/me/activity?email[$ne]=x').set(bearer(user));
    expectProblem(unknown, 400);
  });

  it('answers a malformed id with 400, not 404 or 500', async () => {
    for (const id of ['123', 'not-an-id', '665f1c2b9d3e4a001234567z', '{"$gt":""}']) {
      const response = await t
        .http()
        .get(`/api/users/${encodeURIComponent(id)}`)
        .set(bearer(user));
      expectProblem(response, 400);
      expect(response.body.type).toBe('urn:atrium:problem:malformed-id');
    }
    expectProblem(await t.http().get('/api/users/665f1c2b9d3e4a0012345678').set(bearer(user)), 404);
    // Longer than the router accepts for a path segment: refused before routing, still as a problem.
    const long = await t
      .http()
      .get(`/api/users/${'x'.repeat(400)}`)
      .set(bearer(user));
    expect(long.status).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.body).toMatchObject({ type: 'urn:atrium:problem:uri-too-long', status: 414 });
  });

  it('answers a 2 MiB body with 413 and writes nothing', async () => {
    const before = await userCount();
    const response = await t
      .http()
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: uniqueEmail(), password: 'long enough pass', firstName: 'x'.repeat(2 * 1024 * 1024) }));
    expectProblem(response, 413);
    expect(await userCount()).toBe(before);
  });

  it('answers malformed JSON and a wrong content type with 4xx', async () => {
    expectProblem(await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": '), 400);
    expectProblem(await t.http().post('/api/auth/login').set('Content-Type', 'text/plain').send('hello'), 415);
  });

  it('answers out-of-range pagination with 400', async () => {
    expectProblem(await t.http().get('/api/users/me/activity?limit=1000').set(bearer(user)), 400);
    expectProblem(await t.http().get('/api/users/me/activity?page=0').set(bearer(user)), 400);
    expectProblem(await t.http().get('/api/users/me/activity?page=abc').set(bearer(user)), 400);
  });

  it('refuses a page offset the query names itself, as any unknown field', async () => {
    const response = await t.http().get('/api/users/me/activity?skip=5').set(bearer(user));
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ field: 'skip', message: 'property skip should not exist' }]);
  });

  it('answers a duplicate email with 409', async () => {
    const response = await t.http().post('/api/auth/register').send({ email: user.email, password: 'long enough pass' });
    expectProblem(response, 409);
  });

  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await t.http().get('/api/nothing-here'), 404);
  });

  it('keeps a safe caller request id and replaces an unsafe one', async () => {
    const kept = await t.http().get('/api/health/live').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http().get('/api/health/live').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
