import type { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationSender } from '../../../src/modules/notifications/notification-sender.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { emailModel } from '../../support/factories/mail.js';
import { notificationModel, usersWithRole } from '../../support/factories/notifications.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

// The driver reports every command this file's application sends, so the test can count them.
const uri = new URL(process.env.MONGODB_URI!);
uri.searchParams.set('monitorCommands', 'true');
process.env.MONGODB_URI = uri.toString();

/** A staff send to a whole role costs a few queries per batch of recipients, not per recipient. */
describe('sending to everyone with a role', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let staff: Awaited<ReturnType<typeof account>>;
  let commands = 0;

  beforeAll(async () => {
    ({ app, close } = await startServices());
    staff = await account(app, 'staff');
    app
      .get<Connection>(getConnectionToken())
      .getClient()
      .on('commandStarted', () => commands++);
  });
  afterAll(() => close?.());

  /** Sends an in-app, email and push notification to every user of `role`; answers what it cost. */
  async function measure(role: 'user' | 'admin', title: string) {
    const before = commands;
    const started = Date.now();
    const result = await app
      .get(NotificationSender)
      .send(contextOf(staff), { role, type: 'announcement', title, body: 'The new course catalogue is out.', channels: ['email', 'push'] });
    return { created: result.created, commands: commands - before, ms: Date.now() - started };
  }

  it('reaches 10,000 users with a number of database commands that grows per batch (< 200), not per recipient', async () => {
    await usersWithRole(app, 'admin', 1_000, 'admins');
    const small = await measure('admin', 'For 1,000');
    const users = await usersWithRole(app, 'user', 10_000, 'readers');
    const large = await measure('user', 'For 10,000');
    console.log(
      `role send: 1,000 recipients: ${small.commands} commands in ${small.ms} ms; 10,000 recipients: ${large.commands} commands in ${large.ms} ms`,
    );

    // Every registered user of the role (those the factories signed up too) got one.
    expect(large.created).toBeGreaterThanOrEqual(10_000);
    expect(await notificationModel(app).countDocuments({ title: 'For 10,000' })).toBe(large.created);
    expect(await emailModel(app).countDocuments({ subject: 'For 10,000' })).toBe(large.created);
    const sample = await notificationModel(app).findOne({ userId: users[4_321], title: 'For 10,000' }).lean();
    expect(sample!.delivery).toMatchObject({ in_app: { status: 'delivered' }, email: { status: 'sent' }, push: { status: 'skipped' } });
    expect(sample!.dispatchedAt).toBeInstanceOf(Date);

    expect(large.commands).toBeLessThan(200);
    // Ten times the recipients is about ten times the batches: the cost per recipient does not appear.
    expect(large.commands).toBeLessThanOrEqual(small.commands * 12);
  }, 300_000);
});
