import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyRequest } from '../../../src/modules/notifications/notify.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { emailModel } from '../../support/factories/mail.js';
import { notifyUser } from '../../support/factories/notifications.js';

/** A user's channel switches per registered type, and quiet hours, through HTTP. */
describe('notification settings', () => {
  let t: TestApp;
  const notify = { notify: (userId: string, request: NotifyRequest) => notifyUser(t.app, userId, request) };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const emailsTo = (email: string) => emailModel(t.app).find({ to: email }).lean();

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

  it('documents exactly the registered notification types, in settings and wherever a type is named', async () => {
    const document = (await t.http().get('/docs-json')).body;
    const schemas = document.components.schemas;
    const registered = [
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
    ];
    const settings = schemas.ChannelSettingsDto;
    expect(Object.keys(settings.properties).sort()).toEqual(registered);
    expect(settings.additionalProperties).toBe(false);
    expect(settings.properties.security.$ref).toMatch(/CriticalChannelSwitchesDto$/);
    expect(settings.properties.community.$ref).toMatch(/\/ChannelSwitchesDto$/);
    expect([...schemas.SendNotificationDto.properties.type.enum].sort()).toEqual(registered);
    expect([...schemas.NotificationSettingsDto.properties.criticalTypes.items.enum].sort()).toEqual(registered);
    const list = document.paths['/api/notifications'].get.parameters.find((parameter: { name: string }) => parameter.name === 'type');
    expect([...list.schema.enum].sort()).toEqual(registered);
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
});
