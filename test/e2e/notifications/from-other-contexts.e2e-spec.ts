import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { until } from '../../support/wait.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser } from '../../support/auth.js';
import { transactionModel } from '../../support/factories/billing.js';
import { emailModel } from '../../support/factories/mail.js';
import { notificationModel } from '../../support/factories/notifications.js';

/** What other contexts' owed effects tell users, through HTTP: each once, however often the relay runs it. */
describe('notifications from other contexts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const emailsTo = (email: string) => emailModel(t.app).find({ to: email }).lean();

  it('sends the payer a receipt when a payment succeeds (an event, not a call)', async () => {
    const payer = await registerUser(t);
    const intent = (await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 1_234, currency: 'EUR' })).body;
    await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(payer)).send({});
    await until(async () => (await emailsTo(payer.email)).some((email) => email.template === 'payment-receipt'));
    const receipt = (await emailsTo(payer.email)).find((email) => email.template === 'payment-receipt')!;
    expect(receipt.subject).toBe('Receipt: €12.34');
    expect((await t.http().get('/api/notifications?type=payment').set(bearer(payer))).body.total).toBe(1);
  });

  it('sends one receipt for a payment, even when its owed effect is delivered again', async () => {
    const payer = await registerUser(t);
    const intent = (await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 990, currency: 'EUR' })).body;
    await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(payer)).send({});
    const receipts = () => emailModel(t.app).countDocuments({ to: payer.email, template: 'payment-receipt' });
    await until(async () => (await receipts()) === 1);
    // As after a crash between running the effects and marking them done: the relay runs them again.
    await transactionModel(t.app).updateOne(
      { _id: intent.id },
      { $set: { 'effects.$[].state': 'pending', 'effects.$[].dueAt': new Date(0) }, $unset: { 'effects.$[].leaseUntil': 1 } },
    );
    await t.app.get(EffectsRelay).sweep();
    expect(await receipts()).toBe(1);
    expect(await notificationModel(t.app).countDocuments({ userId: payer.id, type: 'payment' })).toBe(1);
  });

  it('tells the user by email and in-app when their password changed, once', async () => {
    const user = await registerUser(t);
    const changed = await t
      .http()
      .post('/api/auth/password')
      .set(bearer(user))
      .send({ currentPassword: user.password, newPassword: 'another long enough password' });
    expect(changed.status).toBe(204);
    await until(async () => (await emailModel(t.app).countDocuments({ to: user.email, template: 'password-changed' })) === 1);
    const [notice] = await notificationModel(t.app).find({ userId: user.id, type: 'security' }).lean();
    expect(notice).toMatchObject({ title: 'Password changed', priority: 'high' });
    expect(notice.delivery.email).toMatchObject({ status: 'sent' });
  });
});
