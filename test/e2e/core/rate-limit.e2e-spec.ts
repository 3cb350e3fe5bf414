import type { Response } from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitPurgeJob } from '../../../src/core/http/rate-limit-purge.job.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, type TestUser } from '../../support/auth.js';
import { startDisposableDatabase, type DisposableDatabase } from '../../support/disposable-database.js';
import { until } from '../../support/wait.js';

const LIMIT_VARIABLES = ['AUTH_RATE_LIMIT_PER_MINUTE', 'PUBLIC_RATE_LIMIT_PER_MINUTE', 'USER_RATE_LIMIT_PER_MINUTE'] as const;
const saved = { ...process.env };

/** Starts an instance with these limits; unnamed ones stay out of the way. */
function startWith(limits: Partial<Record<(typeof LIMIT_VARIABLES)[number] | 'RATE_LIMIT_WINDOW_SECONDS', string>>): Promise<TestApp> {
  for (const name of LIMIT_VARIABLES) process.env[name] = limits[name] ?? '100000';
  process.env.RATE_LIMIT_WINDOW_SECONDS = limits.RATE_LIMIT_WINDOW_SECONDS ?? '60';
  return startTestApp();
}

afterAll(() => {
  for (const name of [...LIMIT_VARIABLES, 'RATE_LIMIT_WINDOW_SECONDS', 'MONGODB_URI', 'MONGODB_SERVER_SELECTION_TIMEOUT_MS']) {
    process.env[name] = saved[name];
  }
});

const me = (t: TestApp, user: TestUser) => t.http().get('/api/users/me').set(bearer(user));
const headersOf = (response: Response) => ({
  limit: response.headers['ratelimit-limit'],
  remaining: response.headers['ratelimit-remaining'],
  reset: Number(response.headers['ratelimit-reset']),
});

function expectRateLimited(response: Response): void {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ type: 'urn:atrium:problem:rate-limited', title: 'Too many requests', status: 429 });
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(response.headers['ratelimit-remaining']).toBe('0');
}

describe('rate limits per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith({ AUTH_RATE_LIMIT_PER_MINUTE: '4', PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  it('limits each sign-in route per client and answers 429 problem+json with Retry-After', async () => {
    const user = await registerUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.http().post('/api/auth/refresh').send({ refreshToken: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbb' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
    expectRateLimited(limited);
    expect(headersOf(limited).limit).toBe('4');
    // Authenticated routes outside sign-in are not under the sign-in limit.
    expect((await me(t, user)).status).toBe(200);
    expect((await t.http().get('/api/health/live')).status).toBe(200);
  });

  it('counts every public route of one client address together, and leaves health probes exempt', async () => {
    const confirm = () => t.http().get('/api/email-captures/confirm').query({ token: 'not-a-token' });
    const unsubscribe = () => t.http().get('/api/email-captures/unsubscribe').query({ token: 'not-a-token' });
    const answers = [await confirm(), await unsubscribe(), await confirm()];
    expect(answers.map((answer) => answer.status)).not.toContain(429);
    expect(answers.map((answer) => answer.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expectRateLimited(await unsubscribe());
    const live = await t.http().get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.headers['ratelimit-limit']).toBeUndefined();
  });
});

describe('rate limits per signed-in user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith({ USER_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t?.close());

  it('counts each user down in RateLimit headers, then answers 429 with Retry-After; another user has a count of its own', async () => {
    const [alice, bob] = [await registerUser(t), await registerUser(t)];
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) answers.push(await me(t, alice));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((answer) => headersOf(answer).remaining)).toEqual(['4', '3', '2', '1', '0']);
    for (const answer of answers) {
      expect(headersOf(answer).limit).toBe('5');
      expect(headersOf(answer).reset).toBeGreaterThan(0);
      expect(headersOf(answer).reset).toBeLessThanOrEqual(60);
    }
    // Any authenticated route counts against the same user.
    const limited = await t.http().get('/api/auth/sessions').set(bearer(alice));
    expectRateLimited(limited);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    const other = await me(t, bob);
    expect(other.status).toBe(200);
    expect(headersOf(other).remaining).toBe('4');
  });

  it('shares the count with another instance on the same database', async () => {
    const second = await startWith({ USER_RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const user = await registerUser(t);
      for (let i = 0; i < 3; i++) expect((await me(t, user)).status).toBe(200);
      const elsewhere = await me(second, user);
      expect(elsewhere.status).toBe(200);
      expect(headersOf(elsewhere).remaining).toBe('1');
      expect((await me(t, user)).status).toBe(200);
      expectRateLimited(await me(second, user));
    } finally {
      await second.close({ dropDatabase: false });
    }
  });

  it('keeps the counts in the ratelimits collection behind the unique key and TTL indexes', async () => {
    const indexes = await t.connection.collection('ratelimits').indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { key: 1 }, unique: true }));
    expect(indexes).toContainEqual(expect.objectContaining({ key: { expire: -1 }, expireAfterSeconds: 0 }));
    const user = await registerUser(t);
    await me(t, user);
    const row = await t.connection.collection('ratelimits').findOne({ key: `user:${user.id}` });
    expect(row).toMatchObject({ points: 1 });
    expect(row?.expire).toBeInstanceOf(Date);
  });
});

describe('rate-limit window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith({ USER_RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_WINDOW_SECONDS: '2' });
  });
  afterAll(() => t?.close());

  it('starts a fresh count once the window has passed, even where nothing expires the stored row', async () => {
    const user = await registerUser(t);
    let limited: Response | undefined;
    // A slow machine may see a window pass between two requests; the count then starts again.
    for (let attempt = 0; attempt < 20 && !limited; attempt++) {
      const answer = await me(t, user);
      if (answer.status === 429) limited = answer;
    }
    expect(limited).toBeDefined();
    expectRateLimited(limited as Response);
    expect(Number((limited as Response).headers['retry-after'])).toBeLessThanOrEqual(2);

    let fresh: Response | undefined;
    await until(async () => {
      const answer = await me(t, user);
      if (answer.status === 200) fresh = answer;
      return fresh !== undefined;
    });
    expect(headersOf(fresh as Response)).toMatchObject({ limit: '1', remaining: '0' });
  });

  it('purges counts whose window has ended, where nothing expires them by TTL', async () => {
    const user = await registerUser(t);
    await me(t, user);
    const rows = t.connection.collection('ratelimits');
    const key = `user:${user.id}`;
    const stored = await rows.findOne({ key });
    expect(stored).not.toBeNull();
    const purge = t.app.get(RateLimitPurgeJob);
    // Within its window the count stays.
    await purge.purge(new Date(stored!.expire.getTime() - 1));
    expect(await rows.countDocuments({ key })).toBe(1);
    const { items } = await purge.purge(new Date(stored!.expire.getTime() + 1));
    expect(items).toBeGreaterThanOrEqual(1);
    expect(await rows.countDocuments({ key })).toBe(0);
  });
});

describe('a limit of 0', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startWith({ AUTH_RATE_LIMIT_PER_MINUTE: '0', PUBLIC_RATE_LIMIT_PER_MINUTE: '0', USER_RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(() => t?.close());

  it('turns that class off: no refusal and no RateLimit headers', async () => {
    const user = await registerUser(t);
    const answers: Response[] = [];
    for (let i = 0; i < 8; i++) {
      answers.push(await t.http().post('/api/auth/refresh').send({ refreshToken: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbb' }));
      answers.push(await t.http().get('/api/email-captures/confirm').query({ token: 'not-a-token' }));
      answers.push(await me(t, user));
    }
    expect(answers.map((answer) => answer.status)).not.toContain(429);
    expect(answers.filter((answer) => answer.headers['ratelimit-limit'] !== undefined)).toEqual([]);
    expect(await t.connection.collection('ratelimits').countDocuments()).toBe(0);
  });
});

describe('rate limits while the database is away', () => {
  let t: TestApp | undefined;
  let database: DisposableDatabase | undefined;
  afterEach(async () => {
    await t?.close({ dropDatabase: false });
    await database?.stop();
  });

  // Starting and stopping a database server of its own takes a while on a busy machine.
  it('counts on each instance instead, so requests meet the outage (503), not the limiter', { timeout: 90_000 }, async (context) => {
    database = await startDisposableDatabase(context);
    process.env.MONGODB_URI = database.uri;
    process.env.MONGODB_SERVER_SELECTION_TIMEOUT_MS = '1000';
    t = await startWith({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
    const user = await registerUser(t);

    await database.stop();
    const answers: Response[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([503, 503, 429]);
    expect(answers.map((answer) => answer.headers['ratelimit-remaining'])).toEqual(['1', '0', '0']);
  });
});
