import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import type { PaymentEvent } from '../../../src/modules/billing/index.js';
import { InvoicesService } from '../../../src/modules/billing/invoices.service.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { owedEffectsDueNow } from '../../support/factories/billing.js';
import { newEventId, webhookSender } from './signed-webhook.js';

const SECRET = 'whsec_suite_secret_for_owed_payment_effects';

/** What a payment's success owes (its invoice, its receipt) is written with the status, so no failure in between loses it. */
describe('the effects a payment owes', () => {
  let t: TestApp;
  let payer: TestUser;
  let admin: TestUser;
  let relay: EffectsRelay;
  let send: ReturnType<typeof webhookSender>;
  /** What a subscriber to payment.succeeded heard, as the receipts would. */
  const heard: PaymentEvent[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    t = await startTestApp();
    relay = t.app.get(EffectsRelay);
    relay.on('payment.succeeded', 'receipts-probe', async (event) => void heard.push(event));
    send = webhookSender(t, SECRET);
    [payer, admin] = await Promise.all([registerUser(t), userWithRole(t, 'admin')]);
  });
  afterAll(() => t?.close());

  const pending = async () =>
    (await t.http().post('/api/payments/intent').set(bearer(payer)).send({ amount: 1_900, currency: 'EUR' })).body as {
      id: string;
      stripePaymentIntentId: string;
    };
  const invoicesOf = (id: string) => t.connection.collection('invoices').countDocuments({ sourceTransactionId: new Types.ObjectId(id) });
  const receiptsOf = (id: string) => heard.filter((event) => event.transactionId === id).length;
  /** The receipts notifications gave the payer. */
  const receiptNotices = () =>
    t.connection.collection('notifications').countDocuments({ userId: new Types.ObjectId(payer.id), title: 'Payment received' });
  const failInvoiceOnce = () =>
    vi.spyOn(t.app.get(InvoicesService), 'issueForPayment').mockRejectedValueOnce(new Error('invoice store unavailable'));
  /** The relay's sweep, once the backoff of what failed has passed. */
  const sweepLater = async (id: string) => {
    await owedEffectsDueNow(t.app, id);
    await relay.sweep();
  };

  it('confirms a payment whose invoice cannot be written yet; the sweep then issues one invoice and one receipt', async () => {
    const intent = await pending();
    const noticesBefore = await receiptNotices();
    const spy = failInvoiceOnce();
    const confirmed = await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(payer)).send({});
    spy.mockRestore();
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('succeeded');
    expect(await invoicesOf(intent.id)).toBe(0);
    expect(receiptsOf(intent.id)).toBe(1);

    await sweepLater(intent.id);
    await sweepLater(intent.id);
    expect(await invoicesOf(intent.id)).toBe(1);
    expect(receiptsOf(intent.id)).toBe(1);
    expect(await receiptNotices()).toBe(noticesBefore + 1);
  });

  it('acknowledges a provider event whose invoice step failed; a redelivery and the sweep leave one invoice and one receipt', async () => {
    const intent = await pending();
    const eventId = newEventId();
    const deliver = () => send.event('payment_intent.succeeded', { id: intent.stripePaymentIntentId }, { id: eventId });
    const spy = failInvoiceOnce();
    const first = await deliver();
    spy.mockRestore();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ duplicate: false, outcome: 'processed' });
    expect(await invoicesOf(intent.id)).toBe(0);

    expect((await deliver()).body).toMatchObject({ duplicate: true, outcome: 'processed' });
    await sweepLater(intent.id);
    expect(await invoicesOf(intent.id)).toBe(1);
    expect(receiptsOf(intent.id)).toBe(1);
    const payment = (await t.http().get(`/api/payments/${intent.id}`).set(bearer(payer))).body;
    expect(payment.audit.filter((change: { eventId?: string }) => change.eventId === eventId)).toHaveLength(1);
  });

  it('gives up on an invoice that never gets written after the last attempt, and shows it to admins', async () => {
    const intent = await pending();
    const spy = vi.spyOn(t.app.get(InvoicesService), 'issueForPayment').mockRejectedValue(new Error('invoice store gone'));
    try {
      expect((await t.http().post(`/api/payments/${intent.id}/confirm`).set(bearer(payer)).send({})).status).toBe(200);
      for (let attempt = 1; attempt < relay.options.maxAttempts; attempt++) await sweepLater(intent.id);
    } finally {
      spy.mockRestore();
    }
    await sweepLater(intent.id);
    expect(await invoicesOf(intent.id)).toBe(0);
    const jobs = (await t.http().get('/api/admin/jobs').set(bearer(admin))).body as { name: string; alerts?: unknown[] }[];
    expect(jobs.find((job) => job.name === 'effects.relay')?.alerts).toContainEqual(
      expect.objectContaining({
        collection: 'transactions',
        id: intent.id,
        name: 'billing.issue-invoice',
        lastError: 'invoice store gone',
      }),
    );
  });
});
