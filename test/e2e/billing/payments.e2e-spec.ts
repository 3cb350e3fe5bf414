import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Types } from 'mongoose';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { IdempotencyKeys } from '../../../src/core/http/idempotency/idempotency-keys.js';
import type { PaymentEvent } from '../../../src/modules/billing/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';

/** The embedded mock provider: every confirmed payment succeeds at once, with the same lifecycle and events. */
describe('payments with the embedded provider', () => {
  let t: TestApp;
  let payer: TestUser;
  let other: TestUser;
  let staff: TestUser;
  const events: PaymentEvent[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.BILLING_TAX_RATE_BPS = '1900';
    t = await startTestApp();
    t.app.get(EffectsRelay).on('payment.succeeded', 'receipts-probe', async (event) => void events.push(event));
    [payer, other, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  async function paid(amount = 10_000, user = payer) {
    const intent = await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount, currency: 'EUR', description: 'Workshop' });
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    const confirmed = await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(user)).send({});
    expect(confirmed.body.status).toBe('succeeded');
    return intent.body.id as string;
  }

  it('confirms at once, issues a tax-split invoice and owes payment.succeeded', async () => {
    const id = await paid(11_900);
    expect(events).toContainEqual(expect.objectContaining({ transactionId: id, userId: payer.id, amount: 11_900, currency: 'EUR' }));
    const invoice = (await t.http().get(`/api/payments/${id}/invoice`).set(bearer(payer))).body;
    expect(invoice).toMatchObject({
      subtotal: 10_000,
      tax: 1_900,
      total: 11_900,
      taxRateBps: 1900,
      status: 'paid',
      totalFormatted: '€119.00',
    });
    const html = await t.http().get(`/api/invoices/${invoice.id}/download`).set(bearer(payer));
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain(invoice.number);
    expect((await t.http().get(`/api/invoices/${invoice.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get('/api/invoices').set(bearer(payer))).body.items.map((i: { id: string }) => i.id)).toContain(invoice.id);
  });

  it('numbers invoices consecutively under concurrency', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => paid(1_000)));
    const numbers = await Promise.all(
      ids.map(async (id) => (await t.http().get(`/api/payments/${id}/invoice`).set(bearer(payer))).body.number as string),
    );
    const sequence = numbers.map((number) => Number(number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequence).size).toBe(6);
    expect(sequence.at(-1)! - sequence[0]).toBe(5);
  });

  it('lets exactly one of two concurrent refunds of 60 on 100 win', async () => {
    const id = await paid(100);
    const [a, b] = await Promise.all([
      t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({ amount: 60 }),
      t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({ amount: 60 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const payment = (await t.http().get(`/api/payments/${id}`).set(bearer(payer))).body;
    expect(payment).toMatchObject({ refundedAmount: 60, status: 'partially_refunded' });
    expect((await t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({ amount: 41 })).status).toBe(409);
    expect((await t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({})).status).toBe(201);
    expect((await t.http().get(`/api/payments/${id}`).set(bearer(payer))).body).toMatchObject({ refundedAmount: 100, status: 'refunded' });
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const key = `key-${Date.now()}`;
    const body = { amount: 2_500, currency: 'EUR' };
    const first = await t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', key).send(body);
    const again = await t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', key).send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const conflict = await t
      .http()
      .post('/api/payments/intent')
      .set(bearer(payer))
      .set('Idempotency-Key', key)
      .send({ ...body, amount: 2_600 });
    expect(conflict.status).toBe(409);
    // Keys belong to their caller: another user's identical key is a new request.
    const elsewhere = await t.http().post('/api/payments/intent').set(bearer(other)).set('Idempotency-Key', key).send(body);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
    expect((await t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', 'short').send(body)).status).toBe(400);
  });

  it('releases the key of a refused first attempt, and replays the answer exactly as first sent', async () => {
    const key = `released-${Date.now()}`;
    const send = (body: object) => t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', key).send(body);
    expect((await send({ amount: -1, currency: 'EUR' })).status).toBe(400);
    expect(await t.connection.collection('idempotencykeys').countDocuments({ scope: { $regex: `:${key}$` } })).toBe(0);
    const payments = () => t.connection.collection('transactions').countDocuments({ userId: new Types.ObjectId(payer.id) });
    const before = await payments();
    const first = await send({ amount: 1_200, currency: 'EUR' });
    expect(first.status).toBe(201);
    const stored = await t.connection.collection('idempotencykeys').findOne({ scope: { $regex: `:${key}$` } });
    expect(stored).toMatchObject({ state: 'completed', statusCode: 201, responseBody: first.body });
    const again = await send({ currency: 'EUR', amount: 1_200 });
    expect(again.status).toBe(201);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.headers['x-request-id']).toBeDefined();
    expect(again.body).toEqual(first.body);
    expect(await payments()).toBe(before + 1);
  });

  it('answers a made payment whose key could not be completed, and answers its retries 409 rather than pay twice', async () => {
    const keys = t.app.get(IdempotencyKeys);
    const complete = vi.spyOn(keys, 'complete').mockRejectedValueOnce(new Error('database away'));
    const key = `unfinished-${Date.now()}`;
    const send = () =>
      t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', key).send({ amount: 700, currency: 'EUR' });
    const payments = () => t.connection.collection('transactions').countDocuments({ userId: new Types.ObjectId(payer.id) });
    const before = await payments();
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.id).toBeDefined();
    const retry = await send();
    expect(retry.status).toBe(409);
    expect(retry.body.type).toBe('urn:atrium:problem:idempotency-in-progress');
    expect(await payments()).toBe(before + 1);
    complete.mockRestore();
  });

  it('refuses card numbers and CVCs anywhere in a billing body, and stores nothing', async () => {
    const before = await t.connection.collection('paymentmethods').countDocuments();
    const refused = [
      { providerMethodId: 'pm_card_visa', number: '4242424242424242' },
      { providerMethodId: 'pm_card_visa', cvc: '123' },
      { providerMethodId: 'pm_card_visa', brand: '4242 4242 4242 4242' },
    ];
    for (const body of refused) {
      const response = await t.http().post('/api/payments/methods').set(bearer(payer)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain('card data');
    }
    const inDescription = await t
      .http()
      .post('/api/payments/intent')
      .set(bearer(payer))
      .send({ amount: 100, currency: 'EUR', description: '4000-0566-5566-5556' });
    expect(inDescription.status).toBe(400);
    expect(await t.connection.collection('paymentmethods').countDocuments()).toBe(before);
  });

  it('counts a billing address field in characters, as the API document does: twenty emoji fit a twenty-character postal code', async () => {
    const user = await registerUser(t);
    const withPostalCode = (postalCode: string) =>
      t.http().post('/api/payments/methods').set(bearer(user)).send({ providerMethodId: 'pm_card_visa', billingAddress: { postalCode } });
    const tooLong = await withPostalCode('😀'.repeat(21));
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    const fits = await withPostalCode('😀'.repeat(20));
    expect(fits.status, JSON.stringify(fits.body)).toBe(201);
    const [stored] = (await t.http().get('/api/payments/methods').set(bearer(user))).body;
    expect(stored.billingAddress.postalCode).toBe('😀'.repeat(20));
  });

  it('keeps one default payment method and promotes another when it is deleted', async () => {
    const user = await registerUser(t);
    const visa = (await t.http().post('/api/payments/methods').set(bearer(user)).send({ providerMethodId: 'pm_card_visa' })).body;
    expect(visa).toMatchObject({ isDefault: true, brand: 'visa', last4: '4242', type: 'card' });
    const master = (
      await t.http().post('/api/payments/methods').set(bearer(user)).send({ providerMethodId: 'pm_card_mastercard', setDefault: true })
    ).body;
    const list = (await t.http().get('/api/payments/methods').set(bearer(user))).body;
    expect(list.filter((m: { isDefault: boolean }) => m.isDefault).map((m: { id: string }) => m.id)).toEqual([master.id]);
    expect((await t.http().post('/api/payments/methods').set(bearer(user)).send({ providerMethodId: 'pm_card_visa' })).status).toBe(409);
    expect((await t.http().delete(`/api/payments/methods/${master.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/payments/methods/${master.id}`).set(bearer(user))).status).toBe(204);
    expect((await t.http().get('/api/payments/methods').set(bearer(user))).body).toMatchObject([{ id: visa.id, isDefault: true }]);
    // A stored method pays: confirm with its id.
    const intent = (await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 500, currency: 'EUR' })).body;
    expect(
      (await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(user)).send({ paymentMethodId: visa.id })).body.status,
    ).toBe('succeeded');
    expect((await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(user)).send({})).status).toBe(409);
  });

  it('shows a payer only their own payments (another’s do not exist for them); staff see all; the payer cannot change a status', async () => {
    const id = await paid(700);
    expect((await t.http().get(`/api/payments/${id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/billing/transactions/${id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/billing/transactions/user/${payer.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/billing/summary/${payer.id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/billing/transactions/user/${payer.id}`).set(bearer(staff))).status).toBe(200);
    expect((await t.http().patch(`/api/billing/transactions/${id}/status`).set(bearer(payer)).send({ status: 'refunded' })).status).toBe(
      403,
    );
    const illegal = await t.http().patch(`/api/billing/transactions/${id}/status`).set(bearer(staff)).send({ status: 'pending' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.type).toBe('urn:atrium:problem:illegal-transition');
    const disputed = await t
      .http()
      .patch(`/api/billing/transactions/${id}/status`)
      .set(bearer(staff))
      .send({ status: 'disputed', reason: 'bank letter' });
    expect(disputed.status).toBe(200);
    expect(disputed.body.audit.at(-1)).toMatchObject({ to: 'disputed', source: 'staff', actorId: staff.id, reason: 'bank letter' });
  });

  it('filters my history by status, type, date and amount', async () => {
    const user = await registerUser(t);
    await paid(300, user);
    await paid(900, user);
    await t.http().post('/api/payments/intent').set(bearer(user)).send({ amount: 5_000, currency: 'USD' });
    const all = (await t.http().get('/api/payments').set(bearer(user))).body;
    expect(all.total).toBe(3);
    expect((await t.http().get('/api/payments?status=pending').set(bearer(user))).body.total).toBe(1);
    expect(
      (await t.http().get('/api/payments?minAmount=500&maxAmount=1000').set(bearer(user))).body.items.map(
        (p: { amount: number }) => p.amount,
      ),
    ).toEqual([900]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await t.http().get(`/api/payments?from=${tomorrow}`).set(bearer(user))).body.total).toBe(0);
    expect((await t.http().get('/api/payments?status=bogus').set(bearer(user))).status).toBe(400);
    // An amount with no digits is not zero.
    expect((await t.http().get('/api/payments?minAmount=').set(bearer(user))).status).toBe(400);
    expect((await t.http().get('/api/payments?minAmount=0').set(bearer(user))).body.total).toBe(3);
  });

  it('validates money: integer minor units, a known currency, within the maximum', async () => {
    for (const body of [
      { amount: 10.5, currency: 'EUR' },
      { amount: 0, currency: 'EUR' },
      { amount: 100, currency: 'EURO' },
      { amount: 100, currency: 'ABC' },
      { amount: '100', currency: 'EUR' },
    ]) {
      expect((await t.http().post('/api/payments/intent').set(bearer(payer)).send(body)).status).toBe(400);
    }
    expect((await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 100_000_001, currency: 'EUR' })).status).toBe(
      400,
    );
    expect((await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 100, currency: 'jpy' })).body).toMatchObject({
      currency: 'JPY',
      amountFormatted: '¥100',
    });
  });

  it('gives staff statistics and refuses them to payers', async () => {
    expect((await t.http().get('/api/payments/statistics').set(bearer(payer))).status).toBe(403);
    const stats = await t.http().get('/api/payments/statistics').set(bearer(staff));
    expect(stats.status).toBe(200);
    expect(stats.body.payments).toBeGreaterThan(5);
    expect(stats.body.payers).toBeGreaterThan(1);
    expect(stats.body.byCurrency.find((row: { currency: string }) => row.currency === 'EUR').amount).toBeGreaterThan(0);
  });
});
