import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { NotificationsService } from '../../../src/modules/notifications/notifications.service.js';
import { NotifyService } from '../../../src/modules/notifications/notify.service.js';
import type { NotifyRequest } from '../../../src/modules/notifications/notify.service.js';
import { until } from '../../support/wait.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { requireCapability } from '../../support/capabilities.js';
import { emailModel } from '../../support/factories/mail.js';
import { expireNotification, notificationModel, notifyUser, pushSubscriptionModel } from '../../support/factories/notifications.js';

describe('notifications', () => {
  let t: TestApp;
  let staff: TestUser;
  const system = () => systemContext(`test-${new Types.ObjectId().toString()}`);
  const notify = { notify: (userId: string, request: NotifyRequest) => notifyUser(t.app, userId, request) };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
  });
  afterAll(() => t?.close());

  /** A new user whose welcome notification has arrived and been read, so counts start at zero. */
  async function freshUser(overrides: Record<string, unknown> = {}): Promise<TestUser> {
    const user = await registerUser(t, overrides);
    await until(async () => (await notificationModel(t.app).countDocuments({ title: 'Welcome to Atrium', userId: user.id })) === 1);
    await t.http().put('/api/notifications/read-all').set(bearer(user));
    return user;
  }

  const emailsTo = (email: string) => emailModel(t.app).find({ to: email }).lean();

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

  it('keeps notifications personal: another user’s, even for staff, does not exist (404) and stays unchanged', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const created = await notify.notify(owner.id, { type: 'system', title: 'mine', body: 'x' });
    const id = created!._id.toString();
    expect((await t.http().put(`/api/notifications/${id}/read`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/notifications/${id}`).set(bearer(staff))).status).toBe(404);
    expect((await t.http().put(`/api/notifications/${new Types.ObjectId().toString()}/read`).set(bearer(other))).status).toBe(404);
    expect(await notificationModel(t.app).findById(id).lean()).toMatchObject({ read: false });
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

    // Far enough ahead that the send and the list below are done before it, on a busy machine too.
    const later = new Date(Date.now() + 3_000).toISOString();
    const scheduled = await t
      .http()
      .post('/api/notifications/send')
      .set(bearer(staff))
      .send({ userIds: [a.id], type: 'announcement', title: 'Later', body: 'x', scheduledFor: later, channels: ['email'] });
    expect(scheduled.body.created).toBe(1);
    expect((await t.http().get('/api/notifications').set(bearer(a))).body.items.map((n: { title: string }) => n.title)).not.toContain(
      'Later',
    );
    await until(() => Date.now() > Date.parse(later));
    expect(await t.app.get(NotifyService).dispatchDue(system(), 100)).toBeGreaterThanOrEqual(1);
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

  it('pages the list by cursor too: newest first, no item twice or skipped while new ones arrive', async () => {
    const user = await registerUser(t);
    for (const title of ['1', '2', '3', '4', '5']) await notify.notify(user.id, { type: 'community', title, body: 'x' });
    const list = (query: string) => t.http().get(`/api/notifications?type=community&${query}`).set(bearer(user));
    const first = (await list('limit=2')).body;
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(['5', '4']);
    // A notification arriving now goes on top; the cursor's next items are unaffected.
    await notify.notify(user.id, { type: 'community', title: '6', body: 'x' });
    const second = (await list(`limit=2&after=${first.nextCursor}`)).body;
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['3', '2']);
    expect(second.total).toBeUndefined();
    const last = (await list(`limit=2&after=${second.nextCursor}`)).body;
    expect(last.items.map((n: { title: string }) => n.title)).toEqual(['1']);
    expect(last.nextCursor).toBeNull();
    expect((await list('after=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await list('after=a%24b')).status).toBe(400);
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
    expect(await pushSubscriptionModel(t.app).countDocuments({ endpoint })).toBe(0);
  });

  it('the cleanup job removes expired notifications on any server', async () => {
    const user = await registerUser(t);
    const gone = await notify.notify(user.id, { type: 'community', title: 'old', body: 'x' });
    const kept = await notify.notify(user.id, { type: 'community', title: 'new', body: 'x' });
    await expireNotification(t.app, gone!._id);
    expect(await t.app.get(NotificationsService).purgeExpired(system())).toBeGreaterThanOrEqual(1);
    expect(await notificationModel(t.app).countDocuments({ _id: gone!._id })).toBe(0);
    expect(await notificationModel(t.app).countDocuments({ _id: kept!._id })).toBe(1);
  });

  it('the server itself expires notifications by their TTL index', async (context) => {
    requireCapability(context, 'ttl');
    await t.connection.db!.admin().command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    const user = await registerUser(t);
    const doomed = await notify.notify(user.id, { type: 'community', title: 'ttl', body: 'x' });
    await expireNotification(t.app, doomed!._id);
    await until(async () => (await notificationModel(t.app).countDocuments({ _id: doomed!._id })) === 0, 30_000);
  });
});
