import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { QueuedEmail } from '../../../src/modules/mail/schemas/queued-email.schema.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { captureEmail, captureModel, captureToken, replayCaptureEffects, signUp } from '../../support/factories/marketing.js';

describe('email captures', () => {
  let t: TestApp;
  let staff: TestUser;
  let mails: Model<QueuedEmail>;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await userWithRole(t, 'staff');
    mails = t.app.get<Model<QueuedEmail>>(getModelToken(QueuedEmail.name));
  });
  afterAll(() => t?.close());

  const confirmationsTo = (email: string) => mails.find({ to: email, template: 'email-confirm' }).lean<QueuedEmail[]>();
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
  function linkIn(mail: QueuedEmail): string {
    const link = /href="([^"]+)"/
      .exec(mail.html)![1]
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    return pathOf(link);
  }

  it('double opt-in: capture, confirm by the mailed link, unsubscribe in one click', async () => {
    const email = captureEmail();
    const first = await t.http().post('/api/email-captures').send({ email: email.toUpperCase(), source: 'landing-page' });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: 'pending' });
    await t.http().post('/api/email-captures').send({ email, source: 'footer' }).expect(202);
    expect(await captureModel(t.app).countDocuments({ email })).toBe(1);
    const sent = await confirmationsTo(email);
    expect(sent).toHaveLength(1);
    const path = linkIn(sent[0]);
    expect(path).toMatch(/^\/api\/email-captures\/confirm\?token=/);

    expect((await t.http().get(path)).body).toEqual({ status: 'confirmed' });
    expect((await t.http().get(path)).body).toEqual({ status: 'confirmed' });
    expect((await t.http().get('/api/email-captures/confirm?token=665f1c2b9d3e4a0012345678.0.forged')).status).toBe(400);

    const list = await t.http().get('/api/email-captures?status=confirmed').set(bearer(staff));
    expect(list.body.items.map((c: { email: string }) => c.email)).toContain(email);
    const csv = await t.http().get('/api/email-captures/export?status=confirmed').set(bearer(staff));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('email,source,status,created_at,confirmed_at,unsubscribed_at');
    expect(csv.text).toContain(`${email},landing-page,confirmed`);
    expect(
      (
        await t
          .http()
          .get('/api/email-captures')
          .set(bearer(await registerUser(t)))
      ).status,
    ).toBe(403);

    const capture = await captureModel(t.app).findOne({ email }).lean();
    const unsubscribe = `/api/email-captures/unsubscribe?token=${encodeURIComponent(captureToken(t.app, capture!._id.toString(), 'unsubscribe'))}`;
    expect((await t.http().post(unsubscribe)).body).toEqual({ status: 'unsubscribed' });
    expect((await t.http().get(unsubscribe)).body).toEqual({ status: 'unsubscribed' });
    const after = await captureModel(t.app).findOne({ email }).lean();
    expect(after!.unsubscribedAt).toBeInstanceOf(Date);
    // The consent trail: every move, from where.
    expect(after!.audit.map((entry) => `${entry.from ?? '∅'}→${entry.to} via ${entry.source}`)).toEqual([
      '∅→pending via form',
      'pending→confirmed via link',
      'confirmed→unsubscribed via link',
    ]);
  });

  it('after unsubscribing, an old confirmation link does not sign the address up again; a new sign-up asks anew', async () => {
    const email = captureEmail();
    const id = await signUp(t.app, email);
    const oldLink = `/api/email-captures/confirm?token=${encodeURIComponent(captureToken(t.app, id, 'confirm'))}`;
    await t
      .http()
      .get(`/api/email-captures/unsubscribe?token=${encodeURIComponent(captureToken(t.app, id, 'unsubscribe'))}`)
      .expect(200);

    const stale = await t.http().get(oldLink);
    expect(stale.status).toBe(409);
    expect((await captureModel(t.app).findById(id).lean())!.status).toBe('unsubscribed');

    await t.http().post('/api/email-captures').send({ email, source: 'footer' }).expect(202);
    expect((await captureModel(t.app).findById(id).lean())!.status).toBe('pending');
    const sent = await confirmationsTo(email);
    expect(sent).toHaveLength(2);
    expect((await t.http().get(linkIn(sent[1]))).body).toEqual({ status: 'confirmed' });
  });

  it('ten sign-ups of one address at once: one capture, one confirmation email', async () => {
    const email = captureEmail();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.http().post('/api/email-captures').send({ email, source: 'burst' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 202));
    expect(await captureModel(t.app).countDocuments({ email })).toBe(1);
    expect(await confirmationsTo(email)).toHaveLength(1);
  });

  it('owes the confirmation with the sign-up; an effect run again mails once', async () => {
    const email = captureEmail();
    const id = await signUp(t.app, email);
    const capture = await captureModel(t.app).findById(id).lean();
    expect(capture!.effects).toEqual([
      expect.objectContaining({
        name: 'marketing.capture-requested>notifications',
        state: 'done',
        payload: expect.objectContaining({ email }),
      }),
    ]);
    // As after a crash between sending and marking it done: the relay runs it again.
    await replayCaptureEffects(t.app, id);
    await t.app.get(EffectsRelay).sweep();
    expect((await captureModel(t.app).findById(id).lean())!.effects![0].state).toBe('done');
    expect(await confirmationsTo(email)).toHaveLength(1);
  });

  it('refuses a malformed address or source', async () => {
    expect((await t.http().post('/api/email-captures').send({ email: 'not-an-email', source: 'x' })).status).toBe(400);
    expect((await t.http().post('/api/email-captures').send({ email: 'a@example.com', source: '<script>' })).status).toBe(400);
  });
});
