import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailQueueAdminService } from '../../../src/modules/mail/email-queue-admin.service.js';
import { EmailQueue } from '../../../src/modules/mail/email-queue.repository.js';
import { MailService } from '../../../src/modules/mail/index.js';
import type { QueuedEmail } from '../../../src/modules/mail/schemas/queued-email.schema.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { deadEmail, emailModel, emailWithKey, queueEmails } from '../../support/factories/mail.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';
import { until } from '../../support/wait.js';

/** The queue's claims, leases and retries under concurrency, against the database. */
describe('the email queue', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let queue: EmailQueue;

  beforeAll(async () => {
    ({ app, close } = await startServices());
    queue = app.get(EmailQueue);
  });
  afterAll(() => close?.());

  /** Claims until nothing is due, from `workers` claimers at once; answers every claim. */
  async function claimAll(workers: number, leaseMs = 60_000): Promise<QueuedEmail[]> {
    const claimed: QueuedEmail[] = [];
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let email = await queue.claim(`w${worker}`, leaseMs); email; email = await queue.claim(`w${worker}`, leaseMs))
          claimed.push(email);
      }),
    );
    return claimed;
  }

  it('gives each of 200 emails to exactly one of 20 concurrent claimers', async () => {
    await claimAll(4); // what registration and earlier tests queued
    expect(await queueEmails(app, 200, `claims-${Date.now()}`)).toBe(200);
    const claimed = await claimAll(20);
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed.map((email) => email._id.toString())).size).toBe(200);
    expect(new Set(claimed.map((email) => email.lockedBy)).size).toBeGreaterThan(1);
    expect(claimed.every((email) => email.status === 'sending' && email.attempts === 1)).toBe(true);
  });

  it('takes over a lease that ran out; the worker that lost it records nothing', async () => {
    const tag = `lease-${Date.now()}`;
    await queueEmails(app, 1, tag);
    // A lease a busy machine cannot outlast between two claims; the second claim waits until it has run out.
    const first = await queue.claim('slow-worker', 1_000);
    expect(first!.idempotencyKey).toBe(`${tag}:0`);
    expect(await queue.claim('eager-worker', 60_000)).toBeNull();
    await until(() => Date.now() > first!.lockedUntil!.getTime());
    const second = await queue.claim('eager-worker', 60_000);
    expect(second).toMatchObject({ status: 'sending', lockedBy: 'eager-worker', attempts: 2 });
    await queue.finish(first!, 'slow-worker', { to: 'sent', messageId: 'late' });
    expect(await emailWithKey(app, `${tag}:0`)).toMatchObject({ status: 'sending', lockedBy: 'eager-worker' });
    await queue.finish(second!, 'eager-worker', { to: 'sent', messageId: 'on-time' });
    expect(await emailWithKey(app, `${tag}:0`)).toMatchObject({ status: 'sent', messageId: 'on-time' });
  });

  it('sends a dead email again once, whoever of ten admins asks at the same time; anything else is 409', async () => {
    const admin = await account(app, 'admin');
    const id = await deadEmail(app, 'dead@example.com');
    const admins = app.get(EmailQueueAdminService);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => admins.retry(contextOf(admin), id)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.map((outcome) => (outcome.reason as { status: number }).status)).toEqual(Array(9).fill(409));
    expect(await emailModel(app).findById(id).lean()).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('lets only admins read the queue and retry, staff included in the refusal', async () => {
    const staff = await account(app, 'staff');
    const admins = app.get(EmailQueueAdminService);
    await expect(admins.stats(contextOf(staff))).rejects.toMatchObject({ status: 403 });
    await expect(admins.retry(contextOf(staff), await deadEmail(app, 'x@example.com'))).rejects.toMatchObject({ status: 403 });
  });

  it('holds every module’s templates once the application has started, each rendering in HTML and text', () => {
    const templates = app.get(MailService).templates;
    expect(templates.names()).toEqual(
      [
        'careers-application-update',
        'careers-follow-up-link',
        'consultation-update',
        'email-confirm',
        'learning-session-booked',
        'learning-session-cancelled',
        'learning-session-completed',
        'learning-session-reminder',
        'learning-session-rescheduled',
        'notification',
        'password-changed',
        'payment-receipt',
        'ticket-reply',
        'ticket-status-changed',
        'tenant-invite',
        'verify-email',
        'webinar-canceled',
        'webinar-promoted',
        'webinar-registered',
        'webinar-reminder',
        'welcome',
      ].sort(),
    );
    for (const name of templates.names()) {
      const email = templates.render(name, {
        name: 'Ada',
        title: 'Hi',
        body: 'Body',
        amount: '€10.00',
        url: 'https://atrium.test/x',
        baseUrl: 'https://atrium.test',
      });
      expect(email.subject.length, name).toBeGreaterThan(0);
      expect(email.html, name).toContain('<html>');
      expect(email.text.length, name).toBeGreaterThan(0);
    }
  });
});
