import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCAN_FROM_BYTES } from '../../../src/core/http/input-limits.hook.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, uniqueEmail, type TestUser } from '../../support/auth.js';

type Answer = { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string };

/** Bodies and query strings built to make the server work hard are refused cheaply, and others keep being served. */
describe('hostile input', () => {
  let t: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    // One listening socket for the concurrent requests below, rather than one per request.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    user = await registerUser(t);
  });
  afterAll(() => t?.close());

  const json = (body: string) => t.http().post('/api/auth/register').set('Content-Type', 'application/json').send(body);

  function expectLimitProblem(response: Answer, limit: string) {
    expect(response.status, response.text.slice(0, 500)).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:atrium:problem:input-too-complex', status: 400, limit });
    expect(response.text.length).toBeLessThan(2048);
  }

  /**
   * The quickest of a few attempts, after one warm-up: the bound is about the server's own work, and
   * one attempt on a busy machine can be descheduled for longer than that. Each attempt took 7-11 s
   * before the shape limits, so the quickest one still tells the two apart.
   */
  async function quickest(send: () => Promise<Answer>, attempts = 3) {
    await send();
    const runs: { response: Answer; elapsed: number }[] = [];
    for (let i = 0; i < attempts; i++) {
      const started = Date.now();
      const response = await send();
      runs.push({ response, elapsed: Date.now() - started });
    }
    return { responses: runs.map((run) => run.response), elapsed: Math.min(...runs.map((run) => run.elapsed)) };
  }

  it('answers 90,000 unknown keys in a registration at once and small, while health probes keep answering', async () => {
    const email = uniqueEmail();
    const keys = Array.from({ length: 90_000 }, (_, i) => `"k${i}":1`).join(',');
    const body = `{"email":"${email}","password":"long enough pass",${keys}}`;
    expect(body.length).toBeLessThan(1024 * 1024);

    const probes: number[] = [];
    const { responses, elapsed } = await quickest(async () => {
      let done = false;
      const hostile = json(body).then((response) => {
        done = true;
        return response;
      });
      // Probes run alongside the hostile request, each waiting for the previous one.
      do probes.push((await t.http().get('/api/health/live')).status);
      while (!done);
      return hostile;
    });

    for (const response of responses) expectLimitProblem(response, 'keysPerObject');
    expect(elapsed).toBeLessThan(200);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every((status) => status === 200)).toBe(true);
    expect(await t.connection.collection('users').countDocuments({ email })).toBe(0);
  });

  it('refuses deep nesting fast', async () => {
    const depth = 5_000;
    const body = `{"email":"${uniqueEmail()}","password":"long enough pass","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const { responses, elapsed } = await quickest(() => json(body));
    for (const response of responses) expectLimitProblem(response, 'depth');
    expect(elapsed).toBeLessThan(200);
  });

  it('refuses a small hostile body, which is parsed before it is judged, as it refuses a large one', async () => {
    const start = `{"email":"${uniqueEmail()}","password":"long enough pass","x":`;
    const deep = `${start}${'['.repeat(3_000)}${']'.repeat(3_000)}}`;
    const wide = `${start}{${Array.from({ length: 300 }, (_, i) => `"k${i}":0`).join(',')}}}`;
    const long = `${start}[${Array(1_500).fill(0).join(',')}]}`;
    for (const body of [deep, wide, long]) expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SCAN_FROM_BYTES);
    expectLimitProblem(await json(deep), 'depth');
    expectLimitProblem(await json(wide), 'keysPerObject');
    expectLimitProblem(await json(long), 'arrayLength');
    // A form's parameters are counted while it is read, however small it is.
    const form = Array.from({ length: 150 }, (_, i) => `f${i}=1`).join('&');
    const posted = await t.http().post('/api/auth/register').set('Content-Type', 'application/x-www-form-urlencoded').send(form);
    expectLimitProblem(posted, 'parameters');
  });

  it('refuses a 100,000-element array fast', async () => {
    const body = `{"email":"${uniqueEmail()}","password":"long enough pass","x":[${Array(100_000).fill(0).join(',')}]}`;
    const { responses, elapsed } = await quickest(() => json(body));
    for (const response of responses) expectLimitProblem(response, 'arrayLength');
    expect(elapsed).toBeLessThan(200);
  });

  it('refuses a body with too many values in all', async () => {
    // 50 arrays of 500 values each: every array is within its limit, the whole is not.
    const arrays = Array.from({ length: 50 }, (_, i) => `"a${i}":[${Array(500).fill(1).join(',')}]`).join(',');
    expectLimitProblem(await json(`{${arrays}}`), 'values');
  });

  it('refuses an absurdly long field name without echoing it', async () => {
    const response = await json(`{"${'k'.repeat(100_000)}":1}`);
    expectLimitProblem(response, 'keyLength');
  });

  it('refuses too many query parameters', async () => {
    const query = Array.from({ length: 500 }, (_, i) => `p${i}=1`).join('&');
    const response = await t.http().get(`/api/users/me/activity?${query}`).set(bearer(user));
    expectLimitProblem(response, 'parameters');
  });

  it('lists at most 20 field errors and counts the rest', async () => {
    const keys = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`extra${i}`, i]));
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: 'long enough pass', ...keys });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(20);
    expect(response.body).toMatchObject({ errorCount: 150, truncated: true });
  });

  it('refuses a NUL or other control character in a field name with 400, not a database error', async () => {
    const before = await t.connection.collection('transactions').countDocuments();
    for (const key of ['a\u0000b', 'line\nbreak', '\u007f']) {
      for (const path of ['/api/billing/transactions', '/api/payments/intent']) {
        const response = await t
          .http()
          .post(path)
          .set(bearer(user))
          .send({ amount: 1000, currency: 'EUR', metadata: { [key]: 'x' } });
        expect(response.status, `${path} ${JSON.stringify(key)}: ${response.text}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ type: 'urn:atrium:problem:validation-failed' });
        expect(response.text).not.toContain('\\u0000');
      }
    }
    const query = await t.http().get('/api/users/me/activity?a%00b=1').set(bearer(user));
    expect(query.status).toBe(400);
    expect(await t.connection.collection('transactions').countDocuments()).toBe(before);
  });

  it('still serves an ordinary body and query', async () => {
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: 'long enough pass', firstName: 'Ada', lastName: 'Lovelace' });
    expect(response.status, response.text).toBe(201);
    const payment = await t
      .http()
      .post('/api/payments/intent')
      .set(bearer(user))
      .send({ amount: 1000, currency: 'EUR', metadata: { order: 'A-1', note: '$5 off. ok' } });
    expect(payment.status, payment.text).toBe(201);
    expect((await t.http().get('/api/users/me/activity?page=1&limit=5').set(bearer(user))).status).toBe(200);
  });
});
