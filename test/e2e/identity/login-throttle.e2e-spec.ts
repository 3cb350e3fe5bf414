import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { registerUser, uniqueEmail, type TestUser } from '../../support/auth.js';
import { loginThrottleModel } from '../../support/factories/identity.js';

// The test client reaches the API through loopback: it may name the client address it stands for.
process.env.TRUSTED_PROXIES = '127.0.0.1';

const WRONG = 'not the password at all';

function signIn(t: TestApp, from: string, email: string, password: string) {
  return t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
}

async function failTimes(t: TestApp, from: string, email: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(t, from, email, WRONG)).status);
  return statuses;
}

describe('sign-in throttling per account and address', () => {
  let t: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    process.env.LOGIN_MAX_FAILURES = '5';
    process.env.LOGIN_ACCOUNT_MAX_FAILURES = '12';
    process.env.LOGIN_LOCK_BASE_SECONDS = '60';
    process.env.LOGIN_LOCK_SECONDS = '900';
    t = await startTestApp();
    owner = await registerUser(t);
  });
  afterAll(() => t?.close());

  it('locks the attacking address with Retry-After, while the owner signs in from another', async () => {
    const statuses = await failTimes(t, '198.51.100.1', owner.email, 10);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
    const locked = await signIn(t, '198.51.100.1', owner.email, owner.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(locked.headers['content-type']).toContain('application/problem+json');

    expect((await signIn(t, '203.0.113.7', owner.email, owner.password)).status).toBe(200);
  });

  it('answers an unknown email the same way (no account enumeration)', async () => {
    const ghost = uniqueEmail('ghost');
    const statuses = await failTimes(t, '198.51.100.2', ghost, 6);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await signIn(t, '198.51.100.2', ghost, WRONG);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
  });

  it('slows a spray from many addresses, but not the owner from an address that signed in before', async () => {
    const target = await registerUser(t);
    expect((await signIn(t, '192.0.2.10', target.email, target.password)).status).toBe(200);
    // Three addresses, five failures each: 15 on the account, over its limit of 12.
    for (const from of ['198.51.100.21', '198.51.100.22', '198.51.100.23']) await failTimes(t, from, target.email, 5);

    const fresh = await signIn(t, '198.51.100.99', target.email, target.password);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(t, '192.0.2.10', target.email, target.password)).status).toBe(200);
  });

  it('keeps the counters in MongoDB without clear emails or addresses', async () => {
    const rows = await loginThrottleModel(t.app).find({}).lean();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(owner.email);
    expect(stored).not.toContain('198.51.100.1');
  });
});

describe('sign-in lock backoff', () => {
  let t: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    process.env.LOGIN_MAX_FAILURES = '2';
    process.env.LOGIN_LOCK_BASE_SECONDS = '1';
    process.env.LOGIN_LOCK_SECONDS = '60';
    t = await startTestApp();
    owner = await registerUser(t);
  });
  afterAll(() => t?.close());

  it('doubles the lock with every failure after the limit', async () => {
    const from = '198.51.100.50';
    const waits: number[] = [];
    expect(await failTimes(t, from, owner.email, 2)).toEqual([401, 401]);
    for (let round = 0; round < 3; round++) {
      const locked = await signIn(t, from, owner.email, WRONG);
      expect(locked.status).toBe(429);
      const wait = Number(locked.headers['retry-after']);
      waits.push(wait);
      // Wait the lock out, then fail once more: the next lock is twice as long.
      await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
      expect((await signIn(t, from, owner.email, WRONG)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
  });
});
