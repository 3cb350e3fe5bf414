import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/core/jobs/job-runner.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole } from '../../support/auth.js';

describe('scheduled jobs across instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Two instances on one database, each firing every job's timer.
    process.env.JOBS_ENABLED = 'true';
    process.env.EMAIL_DRAIN_INTERVAL_MS = '200';
    process.env.NOTIFICATION_CLEANUP_INTERVAL_MS = '200';
    first = await startTestApp();
    second = await startTestApp();
  });
  afterAll(async () => {
    await second?.close({ dropDatabase: false });
    await first?.close();
  });

  it('runs each tick of a job on exactly one instance', async () => {
    const ran: { instance: string; tick: number }[] = [];
    const count = (app: TestApp, instance: string) => {
      const runner = app.app.get(JobRunner);
      return (tick: number) =>
        runner.runTick('test.counted', tick, 5_000, async () => {
          ran.push({ instance, tick });
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { items: 1 };
        });
    };
    const [a, b] = [count(first, 'first'), count(second, 'second')];
    // Both instances fire every tick at (nearly) the same time, as their schedulers would.
    for (let tick = 1; tick <= 20; tick++) await Promise.all([a(tick), b(tick)]);
    expect(ran).toHaveLength(20);
    expect(new Set(ran.map((run) => run.tick)).size).toBe(20);
    // Late or repeated firing of an old tick does nothing.
    await a(5);
    expect(ran).toHaveLength(20);
  });

  it('the real schedulers of two instances share the drain and cleanup ticks', async () => {
    const names = ['email-queue.drain', 'notifications.cleanup'];
    const runs = async () => {
      const locks = await first.connection
        .collection('joblocks')
        .find({ name: { $in: names } })
        .toArray();
      return Object.fromEntries(locks.map((lock) => [lock.name, lock.runs as number]));
    };
    const before = await runs();
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await runs();
    const ticks = Math.ceil((Date.now() - started) / 200) + 1;
    for (const name of names) {
      const ran = after[name] - (before[name] ?? 0);
      // Two instances each running every tick would make about twice the ticks; shared leases run each once.
      expect(ran).toBeGreaterThanOrEqual(3);
      expect(ran).toBeLessThanOrEqual(ticks);
    }
  });

  it('shows each job in GET /api/admin/jobs', async () => {
    const admin = await userWithRole(first, 'admin');
    const response = await first.http().get('/api/admin/jobs').set(bearer(admin));
    expect(response.status).toBe(200);
    const drain = response.body.find((job: { name: string }) => job.name === 'email-queue.drain');
    expect(drain).toMatchObject({ schedule: 'every 200 ms', lastOutcome: 'succeeded' });
    expect(drain.runs).toBeGreaterThan(0);
    expect(new Date(drain.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(
      (
        await first
          .http()
          .get('/api/admin/jobs')
          .set(bearer(await userWithRole(first, 'staff')))
      ).status,
    ).toBe(403);
  });
});
