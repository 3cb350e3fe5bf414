import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailQueueService } from '../../../src/modules/notifications/email/email-queue.service.js';
import { EmailWorker } from '../../../src/modules/notifications/email/email-worker.js';
import { until } from '../../support/wait.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { startSmtp, type TestSmtp } from '../../support/smtp.js';

describe('email queue and worker against a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let queue: EmailQueueService;
  let worker: EmailWorker;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.EMAIL_RETRY_BASE_MS = '50';
    process.env.EMAIL_MAX_ATTEMPTS = '3';
    t = await startTestApp();
    queue = t.app.get(EmailQueueService);
    worker = t.app.get(EmailWorker);
    admin = await userWithRole(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers the welcome email queued by registration, with the right content', async () => {
    const email = `welcome.${Date.now()}@example.com`;
    await t.http().post('/api/auth/register').send({ email, password: 'long enough password', displayName: 'Grace' }).expect(201);
    await until(async () => (await t.connection.collection('emailqueue').countDocuments({ to: email })) === 1);
    await worker.drainAll('test-worker');
    const message = smtp.received.find((received) => received.to.includes(email));
    expect(message?.subject).toBe('Welcome to Atrium, Grace');
    expect(message?.raw).toContain('Content-Type: text/html');
    expect(message?.raw).toContain('Content-Type: text/plain');
    expect(await t.connection.collection('emailqueue').findOne({ to: email })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('queues the same logical email once', async () => {
    const request = {
      to: 'once@example.com',
      template: 'notification' as const,
      variables: { title: 'Once', body: 'b' },
      idempotencyKey: `once-${Date.now()}`,
    };
    expect(await queue.enqueue(request)).toBe(true);
    expect(await queue.enqueue(request)).toBe(false);
    expect(await t.connection.collection('emailqueue').countDocuments({ idempotencyKey: request.idempotencyKey })).toBe(1);
  });

  it('two workers drain 1,000 emails: 1,000 delivered, no duplicates', async () => {
    const tag = `bulk-${Date.now()}`;
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      to: `reader${i}@example.com`,
      template: 'notification' as const,
      variables: { title: `${tag} ${i}`, body: 'hello' },
      idempotencyKey: `${tag}:${i}`,
    }));
    await worker.drainAll('warm-up'); // earlier tests' leftovers
    expect(await queue.enqueueMany(requests)).toBe(1000);
    const before = smtp.received.length;
    const [a, b] = await Promise.all([
      worker.drainAll('worker-a', { batchSize: 50, concurrency: 4 }),
      worker.drainAll('worker-b', { batchSize: 50, concurrency: 4 }),
    ]);
    expect(a.sent + b.sent).toBe(1000);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const delivered = smtp.received.slice(before).filter((message) => message.subject.startsWith(tag));
    expect(delivered).toHaveLength(1000);
    expect(new Set(delivered.map((message) => message.emailId)).size).toBe(1000);
  });

  it('sends the emails of a worker that died mid-batch once its leases expire', async () => {
    const tag = `orphan-${Date.now()}`;
    await queue.enqueueMany(
      Array.from({ length: 5 }, (_, i) => ({
        to: `o${i}@example.com`,
        template: 'notification' as const,
        variables: { title: `${tag} ${i}`, body: 'b' },
        idempotencyKey: `${tag}:${i}`,
      })),
    );
    // The dying worker claims everything and never sends.
    for (let i = 0; i < 5; i++) expect(await queue.claim('dying-worker', 300)).not.toBeNull();
    expect((await worker.drainAll('healthy-worker')).sent).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await worker.drainAll('healthy-worker')).sent).toBe(5);
    expect(smtp.received.filter((message) => message.subject.startsWith(tag))).toHaveLength(5);
  });

  it('retries a refused email with growing delays, then dead, then delivered after an admin retry', async () => {
    const key = `refused-${Date.now()}`;
    await queue.enqueue({ to: 'refused@example.com', template: 'notification', variables: { title: key, body: 'b' }, idempotencyKey: key });
    smtp.refusing = true;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(async () => {
        const item = await t.connection.collection('emailqueue').findOne({ idempotencyKey: key });
        return item!.nextAttemptAt <= new Date();
      });
      await worker.drainBatch('retry-worker');
      const item = await t.connection.collection('emailqueue').findOne({ idempotencyKey: key });
      expect(item).toMatchObject({ attempts: attempt, status: attempt < 3 ? 'failed' : 'dead' });
      expect(item!.lastError).toContain('mailbox unavailable');
      delays.push(item!.nextAttemptAt.getTime() - item!.updatedAt.getTime());
    }
    // 50 ms, then 100 ms (each ±20 %): the wait grows.
    expect(delays[1]).toBeGreaterThan(delays[0]);

    const stats = await t.http().get('/api/admin/email-queue').set(bearer(admin));
    expect(stats.status).toBe(200);
    expect(stats.body.counts.dead).toBeGreaterThanOrEqual(1);
    const id = (await t.connection.collection('emailqueue').findOne({ idempotencyKey: key }))!._id.toString();
    smtp.refusing = false;
    const retried = await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin));
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    expect((await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin))).status).toBe(409);
    await worker.drainAll('retry-worker');
    expect(smtp.received.filter((message) => message.subject === key)).toHaveLength(1);
    expect(await t.connection.collection('emailqueue').findOne({ idempotencyKey: key })).toMatchObject({ status: 'sent' });
  });
});
