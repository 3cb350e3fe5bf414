import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotifyService } from '../../../src/modules/notifications/notify.service.js';
import { NotificationsService } from '../../../src/modules/notifications/notifications.service.js';
import { until } from '../../support/wait.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { requireCapability } from '../../support/capabilities.js';

describe('notifications', () => {
  let t: TestApp;
  let notify: NotifyService;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    notify = t.app.get(NotifyService);
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  /** A new user whose welcome notification has arrived and been read, so counts start at zero. */
  async function freshUser(overrides: Record<string, unknown> = {}): Promise<TestUser> {
    const user = await registerUser(t, overrides);
    await until(
      async () =>
        (await t.connection
          .collection('notifications')
          .countDocuments({ title: 'Welcome to Atrium', userId: new Types.ObjectId(user.id) })) === 1,
    );
    await t.http().put('/api/notifications/read-all').set(bearer(user));
    return user;
  }

  const emailsTo = (email: string) => t.connection.collection('emailqueue').find({ to: email }).toArray();

  it('keeps the unread count right through read, read-all and delete', async () => {
    const user = await freshUser();
    for (const title of ['a', 'b', 'c']) await notify.notify(user.id, { type: 'community', title, body: 'x' });
    const count = async () => (await t.http().get('/api/notifications/unread-count').set(bearer(user))).body.unread;
    expect(await count()).toBe(3);
    const list = (await t.http().get('/api/notifications?read=false').set(bearer(user))).body;
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['c', 'b', 'a']);

    const read = await t.http().put(`/api/notifications/${list.items[0].id}/read`).set(bearer(user));
    expect(read.body).toMatchObject({ read: true });
    expect(read.body.readAt).toBeTruthy();
    expect(await count()).toBe(2);
    expect((await t.http().delete(`/api/notifications/${list.items[1].id}`).set(bearer(user))).status).toBe(204);
    expect(await count()).toBe(1);
    expect((await t.http().put('/api/notifications/read-all').set(bearer(user))).body).toEqual({ updated: 1 });
    expect(await count()).toBe(0);
    expect((await t.http().get('/api/notifications?read=true&type=community').set(bearer(user))).body.total).toBe(2);
  });

  it('keeps notifications personal, even from staff', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const created = await notify.notify(owner.id, { type: 'system', title: 'mine', body: 'x' });
    const id = created!._id.toString();
    expect((await t.http().put(`/api/notifications/${id}/read`).set(bearer(other))).status).toBe(403);
    expect((await t.http().delete(`/api/notifications/${id}`).set(bearer(staff))).status).toBe(403);
    expect(
      (await t.http().get('/api/notifications?type=system').set(bearer(other))).body.items.map((n: { title: string }) => n.title),
    ).not.toContain('mine');
  });

  it('filters by type, priority and date', async () => {
    const user = await registerUser(t);
    await notify.notify(user.id, { type: 'announcement', title: 'n', body: 'x', priority: 'high' });
    await notify.notify(user.id, { type: 'community', title: 'm', body: 'x' });
    expect((await t.http().get('/api/notifications?type=announcement').set(bearer(user))).body.total).toBe(1);
    expect((await t.http().get('/api/notifications?priority=high').set(bearer(user))).body.items[0].title).toBe('n');
    expect(
      (
        await t
          .http()
          .get(`/api/notifications?from=${new Date(Date.now() + 60_000).toISOString()}`)
          .set(bearer(user))
      ).body.total,
    ).toBe(0);
    expect((await t.http().get('/api/notifications?priority=loud').set(bearer(user))).status).toBe(400);
  });

  it('honours channel settings, but critical types always reach in-app and email', async () => {
    const user = await registerUser(t);
    const off = await t
      .http()
      .put('/api/notifications/settings')
      .set(bearer(user))
      .send({ channels: { announcement: { email: false }, community: { in_app: true, email: true } } });
    expect(off.status).toBe(200);
    expect(off.body.channels.announcement.email).toBe(false);
    expect(
      (
        await t
          .http()
          .put('/api/notifications/settings')
          .set(bearer(user))
          .send({ channels: { security: { email: false } } })
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .put('/api/notifications/settings')
          .set(bearer(user))
          .send({ channels: { bogus: { email: false } } })
      ).status,
    ).toBe(400);

    const skipped = await notify.notify(user.id, { type: 'announcement', title: 'news', body: 'x', channels: ['email'] });
    expect(skipped!.delivery.email).toMatchObject({ status: 'skipped' });
    const community = await notify.notify(user.id, { type: 'community', title: 'hello', body: 'x', channels: ['email'] });
    expect(community!.delivery.email).toMatchObject({ status: 'sent' });
    const security = await notify.notify(user.id, { type: 'security', title: 'new sign-in', body: 'x', channels: ['email'] });
    expect(security!.delivery.email).toMatchObject({ status: 'sent' });
    const subjects = (await emailsTo(user.email)).map((email) => email.subject);
    expect(subjects).toEqual(expect.arrayContaining(['hello', 'new sign-in']));
    expect(subjects).not.toContain('news');
  });

  it('holds email until quiet hours end and skips push in them; urgent and critical pass', async () => {
    const user = await registerUser(t, { timezone: 'UTC' });
    const now = new Date();
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    // A window from an hour ago to an hour from now, in the user's zone (UTC).
    const window = { enabled: true, start: hhmm(new Date(now.getTime() - 3_600_000)), end: hhmm(new Date(now.getTime() + 3_600_000)) };
    expect((await t.http().put('/api/notifications/settings').set(bearer(user)).send({ quietHours: window })).status).toBe(200);
    await t
      .http()
      .post('/api/notifications/subscribe')
      .set(bearer(user))
      .send({
        endpoint: `https://push.example.com/${user.id}`,
        keys: {
          p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
          auth: 'tBHItJI5svbpez7KI4CCXg',
        },
      });

    const quiet = await notify.notify(user.id, { type: 'community', title: 'later', body: 'x', channels: ['email', 'push'] });
    expect(quiet!.delivery.push).toMatchObject({ status: 'skipped', reason: 'quiet hours' });
    expect(quiet!.delivery.email?.reason).toContain('quiet hours');
    const held = (await emailsTo(user.email)).find((email) => email.subject === 'later')!;
    expect(held.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);

    const urgent = await notify.notify(user.id, {
      type: 'community',
      title: 'now',
      body: 'x',
      priority: 'urgent',
      channels: ['email', 'push'],
    });
    expect(urgent!.delivery.push).toMatchObject({ status: 'sent' });
    const now2 = (await emailsTo(user.email)).find((email) => email.subject === 'now')!;
    expect(now2.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const critical = await notify.notify(user.id, { type: 'payment', title: 'receipt', body: 'x', channels: ['email'] });
    expect(critical!.delivery.email?.reason).toBeUndefined();
  });

  it('lets staff send to users or a role, now or scheduled', async () => {
    const [a, b] = await Promise.all([registerUser(t), registerUser(t)]);
    const now = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ userIds: [a.id, b.id], type: 'announcement', title: 'Hello all', body: 'x' });
    expect(now.status).toBe(201);
    expect(now.body.created).toBe(2);
    expect((await t.http().get('/api/notifications').set(bearer(a))).body.items[0].title).toBe('Hello all');

    const toStaff = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ role: 'staff', type: 'system', title: 'Staff only', body: 'x' });
    expect(toStaff.body.created).toBeGreaterThanOrEqual(1);
    expect((await t.http().get('/api/notifications').set(bearer(a))).body.items.map((n: { title: string }) => n.title)).not.toContain(
      'Staff only',
    );

    const later = new Date(Date.now() + 400).toISOString();
    const scheduled = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ userIds: [a.id], type: 'announcement', title: 'Later', body: 'x', scheduledFor: later, channels: ['email'] });
    expect(scheduled.body.created).toBe(1);
    expect((await t.http().get('/api/notifications').set(bearer(a))).body.items.map((n: { title: string }) => n.title)).not.toContain(
      'Later',
    );
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await notify.dispatchDue(100)).toBeGreaterThanOrEqual(1);
    expect((await t.http().get('/api/notifications').set(bearer(a))).body.items[0].title).toBe('Later');
    expect((await emailsTo(a.email)).map((email) => email.subject)).toContain('Later');

    expect(
      (
        await t
          .http()
          .post('/api/notifications/send')
          .set(bearer(a))
          .send({ userIds: [b.id], type: 'announcement', title: 'x', body: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (await t.http().post('/api/notifications/send').set(bearer(staff)).send({ type: 'announcement', title: 'x', body: 'x' })).status,
    ).toBe(400);
  });

  it('sends the payer a receipt when a payment succeeds (an event, not a call)', async () => {
    const payer = await registerUser(t);
    const intent = (await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 1_234, currency: 'EUR' })).body;
    await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(payer)).send({});
    await until(async () => (await emailsTo(payer.email)).some((email) => email.template === 'payment-receipt'));
    const receipt = (await emailsTo(payer.email)).find((email) => email.template === 'payment-receipt')!;
    expect(receipt.subject).toBe('Receipt: €12.34');
    expect((await t.http().get('/api/notifications?type=payment').set(bearer(payer))).body.total).toBe(1);
  });

  it('validates push subscriptions and unsubscribes', async () => {
    const user = await registerUser(t);
    expect(
      (
        await t
          .http()
          .post('/api/notifications/subscribe')
          .set(bearer(user))
          .send({ endpoint: 'http://insecure.example.com', keys: { p256dh: 'x'.repeat(20), auth: 'y'.repeat(10) } })
      ).status,
    ).toBe(400);
    expect(
      (await t.http().post('/api/notifications/subscribe').set(bearer(user)).send({ endpoint: 'https://push.example.com/x' })).status,
    ).toBe(400);
    const endpoint = `https://push.example.com/${user.id}/device`;
    expect(
      (
        await t
          .http()
          .post('/api/notifications/subscribe')
          .set(bearer(user))
          .send({ endpoint, keys: { p256dh: 'x'.repeat(20), auth: 'y'.repeat(10) } })
      ).status,
    ).toBe(201);
    expect((await t.http().post('/api/notifications/unsubscribe').set(bearer(user)).send({ endpoint })).status).toBe(204);
    expect(await t.connection.collection('pushsubscriptions').countDocuments({ endpoint })).toBe(0);
  });

  it('the cleanup job removes expired notifications on any server', async () => {
    const user = await registerUser(t);
    const gone = await notify.notify(user.id, { type: 'community', title: 'old', body: 'x' });
    const kept = await notify.notify(user.id, { type: 'community', title: 'new', body: 'x' });
    await t.connection.collection('notifications').updateOne({ _id: gone!._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await t.app.get(NotificationsService).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.connection.collection('notifications').countDocuments({ _id: gone!._id })).toBe(0);
    expect(await t.connection.collection('notifications').countDocuments({ _id: kept!._id })).toBe(1);
  });

  it('the server itself expires notifications by their TTL index', async (context) => {
    requireCapability(context, 'ttl');
    await t.connection.db!.admin().command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    const user = await registerUser(t);
    const doomed = await notify.notify(user.id, { type: 'community', title: 'ttl', body: 'x' });
    await t.connection.collection('notifications').updateOne({ _id: doomed!._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await until(async () => (await t.connection.collection('notifications').countDocuments({ _id: doomed!._id })) === 0, 30_000);
  });
});
