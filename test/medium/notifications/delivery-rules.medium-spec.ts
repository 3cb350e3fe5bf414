import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/core/auth/request-context.js';
import { NotifyService } from '../../../src/modules/notifications/notify.service.js';
import { SettingsService } from '../../../src/modules/notifications/settings.service.js';
import { account, contextOf, deactivated } from '../../support/factories/identity.js';
import { emailModel } from '../../support/factories/mail.js';
import { abandonDispatch, notificationModel, notifyUser, quietHoursNow } from '../../support/factories/notifications.js';
import { startMediumApp as startServices } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

/** Settings, quiet hours and the dispatch claim, against the database. */
describe('what reaches a user, and when', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  const emailsTo = (to: string) => emailModel(app).find({ to }).lean();

  beforeAll(async () => {
    ({ app, close } = await startServices());
  });
  afterAll(() => close?.());

  describe('settings', () => {
    let user: Account;
    beforeAll(async () => {
      user = await account(app);
    });

    it('lists every registered type with its defaults: marketing email off, SMS off, critical types named', async () => {
      const settings = await app.get(SettingsService).get(contextOf(user));
      expect(Object.keys(settings.channels).sort()).toEqual(
        [
          'announcement',
          'careers',
          'community',
          'lab-experiment',
          'learning-session',
          'marketing',
          'payment',
          'security',
          'suggestion-comment',
          'suggestion-status',
          'support',
          'system',
          'ticket-reply',
          'webinar',
        ].sort(),
      );
      expect(settings.channels.marketing).toEqual({ in_app: true, email: false, push: true, sms: false });
      expect(settings.channels.community).toEqual({ in_app: true, email: true, push: true, sms: false });
      expect(settings.criticalTypes.sort()).toEqual(['payment', 'security']);
    });

    it('refuses an unregistered type and turning off a critical type’s email, and stores nothing then', async () => {
      const settings = app.get(SettingsService);
      await expect(settings.update(contextOf(user), { channels: { 'session-reminder': { email: false } } })).rejects.toMatchObject({
        status: 400,
      });
      await expect(
        settings.update(contextOf(user), { channels: { security: { email: false }, community: { push: false } } }),
      ).rejects.toMatchObject({
        status: 400,
      });
      expect((await settings.get(contextOf(user))).channels.community.push).toBe(true);
      const changed = await settings.update(contextOf(user), { channels: { security: { push: false }, community: { push: false } } });
      expect(changed.channels.security).toEqual({ in_app: true, email: true, push: false, sms: false });
      expect(changed.channels.community.push).toBe(false);
    });

    it('skips the channels a user turned off, but a critical type still emails', async () => {
      await app.get(SettingsService).update(contextOf(user), { channels: { announcement: { email: false } } });
      const skipped = await notifyUser(app, user.id, { type: 'announcement', title: 'News', channels: ['email'] });
      expect(skipped!.delivery.email).toMatchObject({ status: 'skipped', reason: 'turned off in settings' });
      const critical = await notifyUser(app, user.id, { type: 'security', title: 'New sign-in', channels: ['email'] });
      expect(critical!.delivery.email).toMatchObject({ status: 'sent' });
      const subjects = (await emailsTo(user.email)).map((email) => email.subject);
      expect(subjects).toContain('New sign-in');
      expect(subjects).not.toContain('News');
    });
  });

  describe('quiet hours', () => {
    it('hold email until they end and skip push, in the user’s zone', async () => {
      const user = await account(app);
      await quietHoursNow(app, user.id);
      const held = await notifyUser(app, user.id, { title: 'Later, please', channels: ['email', 'push', 'sms'] });
      // SMS is off until the user turns it on; push waits for no one in quiet hours.
      expect(held!.delivery).toMatchObject({
        push: { status: 'skipped', reason: 'quiet hours' },
        sms: { status: 'skipped', reason: 'turned off in settings' },
      });
      expect(held!.delivery.email?.reason).toMatch(/quiet hours/);
      const [email] = await emailsTo(user.email).then((emails) => emails.filter((e) => e.subject === 'Later, please'));
      expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
      expect(email.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 61 * 60_000);
    });

    it('do not hold what is urgent or critical', async () => {
      const user = await account(app);
      await quietHoursNow(app, user.id);
      for (const request of [
        { title: 'Urgent', priority: 'urgent' as const },
        { title: 'Receipt', type: 'payment' },
      ]) {
        const sent = await notifyUser(app, user.id, { ...request, channels: ['email'] });
        expect(sent!.delivery.email).toMatchObject({ status: 'sent' });
        expect(sent!.delivery.email?.reason).toBeUndefined();
      }
      const due = (await emailsTo(user.email)).filter((email) => email.subject !== 'Welcome to Atrium, Sam');
      expect(due.every((email) => email.nextAttemptAt.getTime() <= Date.now())).toBe(true);
    });
  });

  describe('dispatch', () => {
    it('stores nothing for an account that cannot be reached', async () => {
      const user = await account(app);
      await deactivated(app, user.id);
      expect(await notifyUser(app, user.id, { title: 'Anyone there?' })).toBeUndefined();
      expect(await notificationModel(app).countDocuments({ userId: user.id, title: 'Anyone there?' })).toBe(0);
    });

    it('notifies once per dedupe key, however often the effect runs', async () => {
      const user = await account(app);
      const key = `effect-${new Types.ObjectId().toString()}`;
      const runs = await Promise.all(
        Array.from({ length: 5 }, () => notifyUser(app, user.id, { title: 'Once', channels: ['email'], dedupeKey: key })),
      );
      expect(runs.filter(Boolean)).toHaveLength(1);
      expect(await notificationModel(app).countDocuments({ userId: user.id, title: 'Once' })).toBe(1);
      expect((await emailsTo(user.email)).filter((email) => email.subject === 'Once')).toHaveLength(1);
    });

    it('hands off, once, what a dispatcher that died left undispatched when its lease runs out', async () => {
      const user = await account(app);
      const created = await notifyUser(app, user.id, { title: 'Orphaned', channels: ['email'] });
      await abandonDispatch(app, [created!._id]);
      const notify = app.get(NotifyService);
      const [first, second] = await Promise.all([notify.dispatchDue(systemContext('a'), 100), notify.dispatchDue(systemContext('b'), 100)]);
      expect(first + second).toBeGreaterThanOrEqual(1);
      const stored = await notificationModel(app).findById(created!._id).lean();
      expect(stored!.dispatchedAt).toBeInstanceOf(Date);
      expect(stored!.delivery.email).toMatchObject({ status: 'sent' });
      // Handed off twice (the first time before the crash): the email still went into the queue once.
      expect((await emailsTo(user.email)).filter((email) => email.subject === 'Orphaned')).toHaveLength(1);
      expect(await notify.dispatchDue(systemContext('c'), 100)).toBe(0);
    });

    it('refuses, loudly, a type no module registered, and a caller who is not staff', async () => {
      const user = await account(app);
      const notify = app.get(NotifyService);
      await expect(notify.notify(systemContext('t'), user.id, { type: 'session-reminder', title: 't', body: 'b' })).rejects.toThrow(
        /notification type session-reminder is not registered/,
      );
      await expect(notify.notify(contextOf(user), user.id, { type: 'community', title: 't', body: 'b' })).rejects.toMatchObject({
        status: 403,
      });
    });
  });
});
