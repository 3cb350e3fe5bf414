import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { rewindInvoiceCounter } from '../../support/factories/billing.js';

/** Refunds racing each other, invoice numbers that collide, and retried requests with reordered bodies. */
describe('money under concurrency and retries', () => {
  let t: TestApp;
  let payer: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    t = await startTestApp();
    [payer, staff] = await Promise.all([registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(() => t?.close());

  async function paid(amount: number): Promise<string> {
    const intent = await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount, currency: 'EUR' });
    expect((await t.http().post(`/api/payments/${intent.body.id}/confirm`).set(bearer(payer)).send({})).body.status).toBe('succeeded');
    return intent.body.id as string;
  }

  it('lets one of ten concurrent full refunds win; the others are 409 refund-not-possible', async () => {
    const id = await paid(5_000);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({})),
    );
    expect(responses.map((r) => r.status).sort(), JSON.stringify(responses.map((r) => r.body))).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.type).toBe('urn:atrium:problem:refund-not-possible');
    }
    expect((await t.http().get(`/api/payments/${id}`).set(bearer(payer))).body).toMatchObject({
      refundedAmount: 5_000,
      status: 'refunded',
    });
    expect(await t.connection.collection('transactions').countDocuments({ refundOf: new Types.ObjectId(id) })).toBe(1);
  });

  it('answers 409 when nothing is left to refund, before asking the provider', async () => {
    const id = await paid(300);
    expect((await t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({ amount: 300 })).status).toBe(201);
    const again = await t.http().post(`/api/payments/${id}/refund`).set(bearer(staff)).send({});
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:atrium:problem:refund-not-possible');
    expect(await t.connection.collection('transactions').countDocuments({ refundOf: new Types.ObjectId(id) })).toBe(1);
  });

  it('issues the invoice under the next free number when a number is already taken', async () => {
    const first = await paid(1_000);
    const taken = (await t.http().get(`/api/payments/${first}/invoice`).set(bearer(payer))).body.number as string;
    // The counter restored from an older backup: it hands out a number that is already on an invoice.
    const year = Number(taken.split('-')[1]);
    await rewindInvoiceCounter(t.app, year, 1);

    const second = await paid(2_000);
    const invoice = await t.http().get(`/api/payments/${second}/invoice`).set(bearer(payer));
    expect(invoice.status, JSON.stringify(invoice.body)).toBe(200);
    expect(invoice.body).toMatchObject({ total: 2_000 });
    expect(invoice.body.number).not.toBe(taken);
    expect(await t.connection.collection('invoices').countDocuments({ number: taken })).toBe(1);
  });

  it('replays an Idempotency-Key whose body has the same fields in another order, and still refuses another value', async () => {
    const key = `reorder-${Date.now()}`;
    const post = (body: Record<string, unknown>) =>
      t.http().post('/api/payments/intent').set(bearer(payer)).set('Idempotency-Key', key).send(body);
    const first = await post({ amount: 1_200, currency: 'EUR', billingDetails: { name: 'Ada', city: 'Berlin' } });
    expect(first.status).toBe(201);
    const reordered = await post({ billingDetails: { city: 'Berlin', name: 'Ada' }, currency: 'EUR', amount: 1_200 });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect(reordered.body.id).toBe(first.body.id);
    const changed = await post({ billingDetails: { city: 'Paris', name: 'Ada' }, currency: 'EUR', amount: 1_200 });
    expect(changed.status).toBe(409);
    expect(changed.body.type).toBe('urn:atrium:problem:idempotency-key-reused');
  });
});
