import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';

/** X-Forwarded-For counts only when it comes from a proxy the operator named (TRUSTED_PROXIES). */
describe('trusted proxies', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
    delete process.env.TRUSTED_PROXIES;
    delete process.env.AUTH_RATE_LIMIT_PER_MINUTE;
  });

  async function start(trustedProxies?: string, authLimit = 3) {
    if (trustedProxies === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = trustedProxies;
    process.env.AUTH_RATE_LIMIT_PER_MINUTE = String(authLimit);
    t = await startTestApp();
    return t;
  }

  const refresh = (app: TestApp, forwardedFor: string) =>
    app.http().post('/api/auth/refresh').set('X-Forwarded-For', forwardedFor).send({ refreshToken: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbb' });

  const lastSignInAddress = async (app: TestApp, forwardedFor: string) => {
    const user = await registerUser(app);
    const login = await app
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const activity = await app.http().get('/api/users/me/activity').set(bearer(user));
    return (activity.body.items as { type: string; ip?: string }[]).find((item) => item.type === 'login')?.ip;
  };

  it('ignores X-Forwarded-For by default: rotating it does not escape the rate limit', async () => {
    const app = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await refresh(app, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('ignores X-Forwarded-For in production too, unless TRUSTED_PROXIES names the proxy', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('hex')}`,
      VAPI_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
    });
    try {
      const app = await start();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await refresh(app, `192.0.2.${i + 1}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      for (const name of ['NODE_ENV', 'JWT_SECRET', 'STRIPE_WEBHOOK_SECRET', 'VAPI_WEBHOOK_SECRET'] as const) {
        // Assigning undefined would store the string "undefined".
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });

  it('ignores X-Forwarded-For when TRUSTED_PROXIES is empty', async () => {
    const app = await start('');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await refresh(app, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('records the socket address, not a forwarded one, by default', async () => {
    const ip = await lastSignInAddress(await start(undefined, 100), '203.0.113.77');
    expect(ip).toBeTruthy();
    expect(ip).not.toBe('203.0.113.77');
  });

  it('uses the forwarded address from a trusted proxy, for rate limits and recorded activity', async () => {
    const app = await start('127.0.0.1,::1,::ffff:127.0.0.1');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await refresh(app, `203.0.113.${i + 1}`)).status);
    // Five different clients behind the proxy, each within its own limit; the same one is limited.
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (let i = 0; i < 3; i++) statuses.push((await refresh(app, '203.0.113.1')).status);
    expect(statuses.slice(5)).toEqual([401, 401, 429]);
    expect(await lastSignInAddress(app, '203.0.113.99')).toBe('203.0.113.99');
  });

  it('trusts a hop count', async () => {
    const app = await start('1', 100);
    expect(await lastSignInAddress(app, '192.0.2.10, 203.0.113.5')).toBe('203.0.113.5');
  });
});
