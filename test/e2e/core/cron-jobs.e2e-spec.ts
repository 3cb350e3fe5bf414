import { SchedulerRegistry } from '@nestjs/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/core/jobs/job-runner.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole } from '../../support/auth.js';
import { agedEmail, emailWithKey } from '../../support/factories/mail.js';
import { until } from '../../support/wait.js';

interface RecentTick {
  tick: number;
  owner: string;
}
interface LockRow {
  name: string;
  runs: number;
  lastTick: number;
  recentTicks?: RecentTick[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall-clock jobs on two instances of one database: each occurrence runs on one of them, once. */
describe('cron-scheduled jobs across instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    process.env.JOBS_ENABLED = 'true';
    // The nightly purge, every second here; the drain stays idle so queued test mail keeps its status.
    process.env.EMAIL_PURGE_CRON = '* * * * * *';
    process.env.EMAIL_DRAIN_INTERVAL_MS = '3600000';
    first = await startTestApp();
    second = await startTestApp();
  });
  afterAll(async () => {
    await second?.close({ dropDatabase: false });
    await first?.close();
  });

  const lock = async (name: string) => (await first.connection.collection('joblocks').findOne({ name })) as unknown as LockRow | null;

  it('runs each fire time of an every-second cron job exactly once over two schedulers', async () => {
    const ran: { instance: string; tick: number }[] = [];
    for (const [app, instance] of [
      [first, 'first'],
      [second, 'second'],
    ] as const) {
      app.app.get(JobRunner).cron('test.every-second', '* * * * * *', async (tick) => {
        ran.push({ instance, tick });
        return { items: 1 };
      });
    }
    await sleep(4_200);
    for (const app of [first, second]) app.app.get(SchedulerRegistry).deleteCronJob('test.every-second');
    // A tick claimed just before the timers stopped finishes its work.
    await sleep(300);

    const ticks = ran.map((run) => run.tick);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ticks).size).toBe(ran.length);
    // The tick is the scheduled fire time: a whole second, the same number on both instances.
    for (const tick of ticks) expect(tick % 1000).toBe(0);
    const row = await lock('test.every-second');
    expect(row!.runs).toBe(ran.length);
    expect(row!.lastTick).toBe(Math.max(...ticks));
    expect(row!.recentTicks!.map((recent) => recent.tick)).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('purges sent and dead mail past retention on the every-second purge, once per fire time', async () => {
    const oldSent = await agedEmail(first.app, 'sent', 31);
    const oldDead = await agedEmail(first.app, 'dead', 40);
    const recentSent = await agedEmail(first.app, 'sent', 2);
    const oldPending = await agedEmail(first.app, 'pending', 31);

    await until(async () => (await emailWithKey(first.app, oldSent)) === null && (await emailWithKey(first.app, oldDead)) === null, 15_000);
    expect(await emailWithKey(first.app, recentSent)).toMatchObject({ status: 'sent' });
    expect(await emailWithKey(first.app, oldPending)).toMatchObject({ status: 'pending' });

    const before = await lock('email-queue.purge');
    const started = Date.now();
    await sleep(3_000);
    const after = await lock('email-queue.purge');
    const recent = after!.recentTicks!.map((entry) => entry.tick);
    expect(new Set(recent).size).toBe(recent.length);
    for (let i = 1; i < recent.length; i++) expect(recent[i] - recent[i - 1]).toBeGreaterThanOrEqual(1000);
    for (const tick of recent) expect(tick % 1000).toBe(0);
    // Two schedulers each running every fire time would make twice the runs of the seconds that passed.
    expect(after!.runs - before!.runs).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);
    expect(after!.runs - before!.runs).toBeGreaterThanOrEqual(1);
  });

  it('shows the cron expression and the next fire time in GET /api/admin/jobs', async () => {
    const admin = await userWithRole(first, 'admin');
    const response = await first.http().get('/api/admin/jobs').set(bearer(admin));
    expect(response.status).toBe(200);
    const purge = response.body.find((job: { name: string }) => job.name === 'email-queue.purge');
    expect(purge).toMatchObject({ schedule: 'cron * * * * * * (UTC)', cron: '* * * * * *', lastOutcome: 'succeeded' });
    expect(purge.everyMs).toBeUndefined();
    const next = new Date(purge.nextRunAt).getTime();
    expect(next % 1000).toBe(0);
    expect(next).toBeGreaterThan(Date.now() - 1000);
    const drain = response.body.find((job: { name: string }) => job.name === 'email-queue.drain');
    expect(drain).toMatchObject({ schedule: 'every 3600000 ms', everyMs: 3_600_000 });
  });
});
