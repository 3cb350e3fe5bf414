import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../../support/app-process.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { uniqueEmail } from '../../support/auth.js';
import { emailModel, queueEmails } from '../../support/factories/mail.js';
import { startSmtp, type TestSmtp } from '../../support/smtp.js';
import { until } from '../../support/wait.js';

const SIGN_IN_LIMIT = 6;
const DRAIN_EVERY_MS = 500;

interface LockRow {
  runs: number;
  lastTick: number;
  recentTicks?: { tick: number; owner: string }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Three real API processes on one database, as three replicas behind a load balancer: what must happen
 * once (a client's sign-in allowance, a job tick, an email) happens once across all of them.
 */
describe('three API processes on one database', () => {
  let processes: AppProcess[] = [];
  let smtp: TestSmtp;
  // In this test process, jobs off: it queues mail and reads the shared collections, as an operator's tool would.
  let local: TestApp;

  beforeAll(async () => {
    smtp = await startSmtp();
    const env = {
      // The same database (this file's, from the test setup) and the same token secret for all three.
      MONGODB_URI: process.env.MONGODB_URI!,
      MONGODB_DB_NAME: process.env.MONGODB_DB_NAME!,
      JWT_SECRET: 'three-instances-secret-long-enough-0123456789',
      AUTH_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_LIMIT),
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      JOBS_ENABLED: 'true',
      EMAIL_DRAIN_INTERVAL_MS: String(DRAIN_EVERY_MS),
      // Small batches, so the emails take several ticks and more than one process may send them.
      EMAIL_BATCH_SIZE: '10',
      SMTP_URL: smtp.url,
    };
    processes = await Promise.all([1, 2, 3].map(() => startAppProcess(env)));
    local = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(processes.map((app) => app.kill()));
    await local?.close();
    await smtp?.stop();
  });

  const output = () => processes.map((app, i) => `--- process ${i + 1}\n${app.output()}`).join('\n');
  const lock = async (name: string) => (await local.connection.collection('joblocks').findOne({ name })) as unknown as LockRow | null;

  it(`lets one client address ${SIGN_IN_LIMIT} sign-ins a minute in all, however they are spread over the processes`, async () => {
    const attempts = 30;
    const statuses = await Promise.all(
      Array.from({ length: attempts }, async (_, i) => {
        const response = await fetch(`${processes[i % processes.length].base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Distinct unknown emails: the per-email lockout is not what answers.
          body: JSON.stringify({ email: uniqueEmail('burst'), password: 'not the password at all' }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const limited = statuses.filter((status) => status === 429).length;
    expect(attempts - limited, `statuses: ${statuses.join(',')}`).toBe(SIGN_IN_LIMIT);
    expect(statuses.filter((status) => status !== 429)).toEqual(Array.from({ length: SIGN_IN_LIMIT }, () => 401));
  });

  it('runs every tick of the drain job on one process only', async () => {
    await until(async () => ((await lock('email-queue.drain'))?.runs ?? 0) > 0, 15_000);
    const before = (await lock('email-queue.drain'))!;
    await sleep(4_000);
    const after = (await lock('email-queue.drain'))!;

    const ran = after.runs - before.runs;
    const newTicks = after.recentTicks!.filter((entry) => entry.tick > before.lastTick);
    // Three schedulers fire every 500 ms; shared leases let each tick run once, whoever claims it.
    expect(ran, output()).toBeGreaterThanOrEqual(2);
    expect(newTicks).toHaveLength(ran);
    const ticks = newTicks.map((entry) => entry.tick);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1]);
    expect(ran).toBeLessThanOrEqual(Math.ceil(4_000 / DRAIN_EVERY_MS) + 2);
  });

  it('sends a batch of 60 queued emails exactly once between the three drains', async () => {
    const tag = `three-${Date.now()}`;
    const count = 60;
    expect(await queueEmails(local.app, count, tag, (i) => `reader${i}.${tag}@example.com`)).toBe(count);
    // The queue's rows of this batch, read as an operator would (the model refuses operators it was not given as trusted).
    const rows = () => emailModel(local.app).collection;
    const ofTag = { idempotencyKey: { $regex: `^${tag}:` } };
    await until(async () => (await rows().countDocuments({ ...ofTag, status: 'sent' })) === count, 60_000);
    // A few more drain ticks, so a second send of any email would have arrived too.
    await sleep(3 * DRAIN_EVERY_MS);

    const delivered = smtp.received.filter((message) => message.subject.startsWith(`${tag} `));
    const ids = delivered.map((message) => message.emailId);
    expect(delivered, output()).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const queued = await rows()
      .find(ofTag, { projection: { status: 1, attempts: 1 } })
      .toArray();
    expect(queued).toHaveLength(count);
    expect(new Set(queued.map((email) => email._id.toString()))).toEqual(new Set(ids));
    for (const email of queued) expect(email).toMatchObject({ status: 'sent', attempts: 1 });
    const recipients = delivered.map((message) => message.to[0]);
    expect(new Set(recipients).size).toBe(count);
  });
});
