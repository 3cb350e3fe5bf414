import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/core/jobs/job-runner.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { until } from '../../support/wait.js';

interface LockRow {
  runs: number;
  lastTick: number;
  lastOutcome?: string;
  lastItems?: number;
  owner?: string;
}

/** POST /api/admin/jobs/:name/run on two instances of one database: a job run on demand runs once. */
describe('running a job now', () => {
  let first: TestApp;
  let second: TestApp;
  let admin: TestUser;
  const runs: string[] = [];
  let release: () => void = () => undefined;

  beforeAll(async () => {
    // Timers off: only the requests below run the job.
    process.env.JOBS_ENABLED = 'false';
    first = await startTestApp();
    second = await startTestApp();
    admin = await userWithRole(first, 'admin');
    for (const [app, instance] of [
      [first, 'first'],
      [second, 'second'],
    ] as const) {
      // Holds its lease until released, so a second request arrives while it runs.
      app.app.get(JobRunner).every('test.on-demand', 3_600_000, async () => {
        runs.push(instance);
        await new Promise<void>((resolve) => (release = resolve));
        return { items: 7 };
      });
    }
  });
  afterAll(async () => {
    release();
    delete process.env.JOBS_ENABLED;
    await second?.close({ dropDatabase: false });
    await first?.close();
  });

  const lock = async () => (await first.connection.collection('joblocks').findOne({ name: 'test.on-demand' })) as unknown as LockRow | null;

  it('starts the job on one instance when two admins ask at once, and refuses the other while it runs', async () => {
    const answers = await Promise.all(
      [first, second].map((app) => app.http().post('/api/admin/jobs/test.on-demand/run').set(bearer(admin))),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 409]);
    const started = answers.find((answer) => answer.status === 202)!;
    expect(started.body).toMatchObject({ name: 'test.on-demand', tick: expect.any(Number), startedAt: expect.any(String) });
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.type).toContain('job-running');

    await until(async () => runs.length === 1, 5_000);
    release();
    await until(async () => (await lock())?.lastOutcome === 'succeeded', 5_000);
    const row = await lock();
    expect(row).toMatchObject({ runs: 1, lastItems: 7, lastTick: started.body.tick });
    expect(runs).toHaveLength(1);
  });

  it('runs again when asked after the run has finished, and shows it in the job list', async () => {
    const answer = await first.http().post('/api/admin/jobs/test.on-demand/run').set(bearer(admin));
    expect(answer.status).toBe(202);
    await until(async () => runs.length === 2, 5_000);
    release();
    await until(async () => (await lock())?.runs === 2 && (await lock())?.lastOutcome === 'succeeded', 5_000);
    const list = await first.http().get('/api/admin/jobs').set(bearer(admin));
    expect(list.body.find((job: { name: string }) => job.name === 'test.on-demand')).toMatchObject({ runs: 2, lastItems: 7 });
  });

  it('answers 404 problem+json for a job nobody declared', async () => {
    const answer = await first.http().post('/api/admin/jobs/no-such-job/run').set(bearer(admin));
    expect(answer.status).toBe(404);
    expect(answer.body.type).toContain('unknown-job');
  });

  it('keeps running a job whose schedule moved from a cron expression to an interval', async () => {
    const runner = first.app.get(JobRunner);
    const work = async () => ({ items: 1 });
    // Last run as a cron job: its tick was the occurrence's time in epoch ms.
    const cronTick = Date.now() - 60_000;
    expect(await runner.runTick('test.rescheduled', cronTick, 30_000, work)).toEqual({ items: 1 });
    // Now every minute: the interval's tick is on the same scale, so the next interval is later, not earlier. The
    // same interval's tick, read once so that a minute turning between the two runs does not make it another one.
    const intervalTick = JobRunner.tickOf(60_000);
    expect(await runner.runTick('test.rescheduled', intervalTick, 30_000, work)).toEqual({ items: 1 });
    expect(await runner.runTick('test.rescheduled', intervalTick, 30_000, work)).toBeUndefined();
  });
});
