import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailQueue } from '../../../src/modules/mail/email-queue.repository.js';
import { EmailWorker, MailService } from '../../../src/modules/mail/index.js';
import { until } from '../../support/wait.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, userWithRole, type TestUser } from '../../support/auth.js';
import { drainAll, emailModel, emailWithKey, mailContext, queueEmails } from '../../support/factories/mail.js';
import { startSmtp, type TestSmtp } from '../../support/smtp.js';

describe('email queue and worker against a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.EMAIL_RETRY_BASE_MS = '50';
    process.env.EMAIL_MAX_ATTEMPTS = '3';
    t = await startTestApp();
    admin = await userWithRole(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('delivers the welcome email queued by registration, with the right content', async () => {
    const email = `welcome.${Date.now()}@example.com`;
    await t.http().post('/api/auth/register').send({ email, password: 'long enough password', displayName: 'Grace' }).expect(201);
    // Registration also queues the verification email; this test follows the welcome.
    await until(async () => (await emailModel(t.app).countDocuments({ to: email, template: 'welcome' })) === 1);
    await drainAll(t.app, 'test-worker');
    const message = smtp.received.find((received) => received.to.includes(email) && received.subject === 'Welcome to Atrium, Grace');
    expect(message?.subject).toBe('Welcome to Atrium, Grace');
    expect(message?.raw).toContain('Content-Type: text/html');
    expect(message?.raw).toContain('Content-Type: text/plain');
    expect(await emailModel(t.app).findOne({ to: email, template: 'welcome' }).lean()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('queues the same logical email once', async () => {
    const request = {
      to: 'once@example.com',
      template: 'notification',
      variables: { title: 'Once', body: 'b' },
      idempotencyKey: `once-${Date.now()}`,
    };
    const mail = t.app.get(MailService);
    expect(await mail.enqueue(mailContext(), request)).toBe(true);
    expect(await mail.enqueue(mailContext(), request)).toBe(false);
    expect(await emailModel(t.app).countDocuments({ idempotencyKey: request.idempotencyKey })).toBe(1);
  });

  it('refuses, loudly, to queue a template no module registered, and queueing as a caller rather than the system', async () => {
    const mail = t.app.get(MailService);
    const request = { to: 'x@example.com', template: 'session-reminder', variables: {}, idempotencyKey: `unknown-${Date.now()}` };
    await expect(mail.enqueue(mailContext(), request)).rejects.toThrow(/email template session-reminder is not registered/);
    const caller = { actor: { id: admin.id, role: 'admin' as const, sessionId: 's' }, client: {}, requestId: 'r' };
    await expect(mail.enqueue(caller, { ...request, template: 'notification' })).rejects.toMatchObject({ status: 403 });
    expect(await emailModel(t.app).countDocuments({ idempotencyKey: request.idempotencyKey })).toBe(0);
  });

  it('two workers drain 1,000 emails: 1,000 delivered, no duplicates', async () => {
    const tag = `bulk-${Date.now()}`;
    await drainAll(t.app, 'warm-up'); // earlier tests' leftovers
    expect(await queueEmails(t.app, 1000, tag)).toBe(1000);
    const before = smtp.received.length;
    const [a, b] = await Promise.all([
      drainAll(t.app, 'worker-a', { batchSize: 50, concurrency: 4 }),
      drainAll(t.app, 'worker-b', { batchSize: 50, concurrency: 4 }),
    ]);
    expect(a.sent + b.sent).toBe(1000);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const delivered = smtp.received.slice(before).filter((message) => message.subject.startsWith(tag));
    expect(delivered).toHaveLength(1000);
    expect(new Set(delivered.map((message) => message.emailId)).size).toBe(1000);
  }, 120_000);

  it('sends the emails of a worker that died mid-batch once its leases expire', async () => {
    const tag = `orphan-${Date.now()}`;
    await queueEmails(t.app, 5, tag, (i) => `o${i}@example.com`);
    // The dying worker claims everything and never sends. Its leases are long enough that a busy machine still
    // drains once within them, and the healthy worker drains again once the last of them has run out.
    let leasedUntil = 0;
    for (let i = 0; i < 5; i++) {
      const claimed = await t.app.get(EmailQueue).claim('dying-worker', 2_000);
      expect(claimed).not.toBeNull();
      leasedUntil = Math.max(leasedUntil, claimed!.lockedUntil!.getTime());
    }
    expect((await drainAll(t.app, 'healthy-worker')).sent).toBe(0);
    await until(() => Date.now() > leasedUntil);
    expect((await drainAll(t.app, 'healthy-worker')).sent).toBe(5);
    expect(smtp.received.filter((message) => message.subject.startsWith(tag))).toHaveLength(5);
  });

  it('retries a refused email with growing delays, then dead, then delivered after an admin retry', async () => {
    const key = `refused-${Date.now()}`;
    await t.app.get(MailService).enqueue(mailContext(), {
      to: 'refused@example.com',
      template: 'notification',
      variables: { title: key, body: 'b' },
      idempotencyKey: key,
    });
    smtp.refusing = true;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(async () => (await emailWithKey(t.app, key))!.nextAttemptAt <= new Date());
      await t.app.get(EmailWorker).drainBatch(mailContext(), 'retry-worker');
      const item = await emailWithKey(t.app, key);
      expect(item).toMatchObject({ attempts: attempt, status: attempt < 3 ? 'failed' : 'dead' });
      expect(item!.lastError).toContain('mailbox unavailable');
      delays.push(item!.nextAttemptAt.getTime() - item!.updatedAt.getTime());
    }
    // 50 ms, then 100 ms (each ±20 %): the wait grows.
    expect(delays[1]).toBeGreaterThan(delays[0]);

    const stats = await t.http().get('/api/admin/email-queue').set(bearer(admin));
    expect(stats.status).toBe(200);
    expect(stats.body.counts.dead).toBeGreaterThanOrEqual(1);
    const dead = await t.http().get('/api/admin/email-queue/emails?status=dead').set(bearer(admin));
    const listed = dead.body.items.find((item: { subject: string }) => item.subject === key);
    expect(listed).toMatchObject({ status: 'dead', attempts: 3, to: 'refused@example.com' });
    expect(listed.lastError).toContain('mailbox unavailable');
    const id = listed.id;
    smtp.refusing = false;
    const retried = await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin));
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    const again = await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ from: 'pending', to: 'pending' });
    await drainAll(t.app, 'retry-worker');
    expect(smtp.received.filter((message) => message.subject === key)).toHaveLength(1);
    expect(await emailWithKey(t.app, key)).toMatchObject({ status: 'sent' });
    expect((await t.http().post(`/api/admin/email-queue/${id}/retry`).set(bearer(admin))).status).toBe(409);
  });
});
