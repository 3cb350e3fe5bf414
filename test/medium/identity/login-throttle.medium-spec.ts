import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottleService } from '../../../src/modules/identity/login-throttle.service.js';
import { factoryEmail, loginThrottleModel } from '../../support/factories/identity.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

const retryAfterOf = async (attempt: Promise<void>): Promise<number | undefined> =>
  attempt.then(
    () => undefined,
    (error: { getStatus(): number; getResponse(): { retryAfter: number } }) => {
      expect(error.getStatus()).toBe(429);
      return error.getResponse().retryAfter;
    },
  );

describe('sign-in throttle rules against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let throttle: LoginThrottleService;

  beforeAll(async () => {
    process.env.LOGIN_MAX_FAILURES = '3';
    process.env.LOGIN_ACCOUNT_MAX_FAILURES = '6';
    process.env.LOGIN_LOCK_BASE_SECONDS = '60';
    process.env.LOGIN_LOCK_SECONDS = '900';
    ({ app, close } = await startServices());
    throttle = app.get(LoginThrottleService);
  });
  afterAll(() => close?.());

  it('locks the (account, address) pair from the limit on, doubling per further failure, and never the owner elsewhere', async () => {
    const email = factoryEmail();
    const attacker = '198.51.100.7';
    for (let i = 0; i < 2; i++) await throttle.recordFailure(email, attacker);
    expect(await retryAfterOf(throttle.assertMayTry(email, attacker))).toBeUndefined();
    await throttle.recordFailure(email, attacker);
    const first = await retryAfterOf(throttle.assertMayTry(email, attacker));
    expect(first).toBeGreaterThan(55);
    expect(first).toBeLessThanOrEqual(60);
    await throttle.recordFailure(email, attacker);
    const second = await retryAfterOf(throttle.assertMayTry(email, attacker));
    expect(second).toBeGreaterThan(115);
    expect(second).toBeLessThanOrEqual(120);
    expect(await retryAfterOf(throttle.assertMayTry(email, '192.0.2.1'))).toBeUndefined();
  });

  it('counts concurrent failures exactly: twenty at once are twenty', async () => {
    const email = factoryEmail();
    await Promise.all(Array.from({ length: 20 }, () => throttle.recordFailure(email, '198.51.100.8')));
    const counters = await loginThrottleModel(app)
      .find({ key: /^(pair|account):/ })
      .lean();
    const failures = counters.map((row) => row.failures).sort((a, b) => a - b);
    expect(failures.filter((count) => count === 20)).toHaveLength(2);
  });

  it('locks an account sprayed from many addresses, except for an address that signed in to it before', async () => {
    const email = factoryEmail();
    await throttle.recordSuccess(email, '192.0.2.50');
    for (let i = 0; i < 6; i++) await throttle.recordFailure(email, `198.51.100.${100 + i}`);
    expect(await retryAfterOf(throttle.assertMayTry(email, '198.51.100.200'))).toBeGreaterThan(0);
    expect(await retryAfterOf(throttle.assertMayTry(email, '192.0.2.50'))).toBeUndefined();
  });

  it('keeps no clear address or email, and forgets an account entirely', async () => {
    const email = factoryEmail();
    await throttle.recordFailure(email, '198.51.100.9');
    await throttle.recordSuccess(email, '192.0.2.9');
    const stored = JSON.stringify(await loginThrottleModel(app).find({}).lean());
    expect(stored).not.toContain(email);
    expect(stored).not.toContain('198.51.100.9');
    // Its pair, account-wide and known-address rows.
    const before = await loginThrottleModel(app).countDocuments();
    await throttle.forgetAccount(email);
    expect(await loginThrottleModel(app).countDocuments()).toBe(before - 3);
  });
});
