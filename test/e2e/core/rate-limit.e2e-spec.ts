import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.AUTH_RATE_LIMIT_PER_MINUTE = '4';
    process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '1000';
    t = await startTestApp();
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
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBeTruthy();
    // Authenticated routes outside sign-in are not under the sign-in limit.
    expect((await t.http().get('/api/users/me').set(bearer(user))).status).toBe(200);
    expect((await t.http().get('/api/health/live')).status).toBe(200);
  });
});
