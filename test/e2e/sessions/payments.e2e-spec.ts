import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { learningSessionModel, sessionInState } from '../../support/factories/session-effects.js';

const PRICE = { amount: 4_500, currency: 'EUR' };

/** A payment carries its session: the learner pays the session's price naming it, and the session shows the payment. */
describe('paying for a learning session', () => {
  let t: TestApp;
  let teacher: TestUser;
  let learner: TestUser;
  let stranger: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [teacher, learner, stranger, staff] = await Promise.all([registerUser(t), registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  const booked = () => sessionInState(t.app, { teacherId: teacher.id, learnerId: learner.id, pricing: PRICE, startInMinutes: 48 * 60 });
  /** A payment confirmed through the API; the embedded provider settles it at once. */
  const pay = async (payer: TestUser, sessionId: string, amount = PRICE.amount, currency = PRICE.currency) => {
    const intent = await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount, currency, sessionId });
    expect([intent.status, intent.body.sessionId]).toEqual([201, sessionId]);
    const confirmed = await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(payer)).send({});
    expect(confirmed.body.status).toBe('succeeded');
    await t.app.get(EffectsRelay).sweep();
    return intent.body.id as string;
  };
  const pricingOf = async (sessionId: string) => (await learningSessionModel(t.app).findById(sessionId).lean())!.pricing;

  it('links the learner’s payment of the session’s price, shows it on the session, and shows a full refund', async () => {
    const session = await booked();
    const id = session._id.toString();
    const paymentId = await pay(learner, id);

    const shown = await t.http().get(`/api/sessions/${id}`).set(bearer(learner));
    expect([shown.status, shown.body.pricing]).toEqual([200, { ...PRICE, paymentStatus: 'paid', transactionId: paymentId }]);

    const refunded = await t.http().post(`/api/payments/${paymentId}/refund`).set(bearer(staff)).send({});
    expect(refunded.status).toBe(201);
    await t.app.get(EffectsRelay).sweep();
    expect(await pricingOf(id)).toMatchObject({ transactionId: paymentId, paymentStatus: 'refunded' });
  });

  it('leaves the session unlinked when someone else pays, or pays another amount or currency', async () => {
    const session = await booked();
    const id = session._id.toString();
    await pay(stranger, id);
    await pay(learner, id, PRICE.amount - 1);
    await pay(learner, id, PRICE.amount, 'USD');
    const pricing = await pricingOf(id);
    expect(pricing.transactionId).toBeUndefined();
    expect(pricing.paymentStatus).not.toBe('paid');
  });

  it('leaves a cancelled or missed session unlinked: its payment is for staff to refund', async () => {
    for (const status of ['cancelled', 'no_show'] as const) {
      const session = await sessionInState(t.app, {
        teacherId: teacher.id,
        learnerId: learner.id,
        pricing: PRICE,
        startInMinutes: 48 * 60,
        status,
      });
      await pay(learner, session._id.toString());
      expect((await pricingOf(session._id.toString())).transactionId, status).toBeUndefined();
    }
  });

  it('keeps the first payment when the learner pays the same session twice', async () => {
    const id = (await booked())._id.toString();
    const first = await pay(learner, id);
    await pay(learner, id);
    expect(await pricingOf(id)).toMatchObject({ transactionId: first, paymentStatus: 'paid' });
  });

  it('refuses a session id that is not one', async () => {
    const refused = await t
      .http()
      .post('/api/payments/intent')
      .set(bearer(learner))
      .send({ ...PRICE, sessionId: 'not-an-id' });
    expect(refused.status).toBe(400);
  });
});
