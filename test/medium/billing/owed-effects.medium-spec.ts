import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import type { PaymentEvent } from '../../../src/modules/billing/index.js';
import { InvoicesService } from '../../../src/modules/billing/invoices.service.js';
import { PaymentsService } from '../../../src/modules/billing/payments.service.js';
import { TransactionsRepository } from '../../../src/modules/billing/transactions.repository.js';
import { invoiceModel, owedEffectsDueNow, pendingPayment, succeededPayment, transactionModel } from '../../support/factories/billing.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

/** A payment's success owes its invoice and its receipt; they are written with the status, so nothing in between can lose them. */
describe('what a payment owes, against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let payer: Account;
  let staff: Account;
  let relay: EffectsRelay;
  const receipts: PaymentEvent[] = [];
  const failures: PaymentEvent[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    ({ app, close } = await startMediumApp());
    relay = app.get(EffectsRelay);
    relay.on('payment.succeeded', 'receipts-probe', async (event) => void receipts.push(event));
    relay.on('payment.failed', 'receipts-probe', async (event) => void failures.push(event));
    [payer, staff] = await Promise.all([account(app), account(app, 'staff')]);
  });
  afterAll(() => close?.());

  const stored = (id: string) => transactionModel(app).findById(id).lean();
  const invoicesOf = (id: string) => invoiceModel(app).countDocuments({ sourceTransactionId: new Types.ObjectId(id) });
  const receiptsOf = (id: string) => receipts.filter((event) => event.transactionId === id).length;

  it('stores the success, its audit entry and what it owes in one write, and the sweep finishes what failed', async () => {
    const payment = await pendingPayment(app, payer, { amount: 11_900 });
    const spy = vi.spyOn(app.get(InvoicesService), 'issueForPayment').mockRejectedValueOnce(new Error('invoice store unavailable'));
    await app.get(PaymentsService).confirm(contextOf(payer), payment.id, undefined);
    spy.mockRestore();

    const after = await stored(payment.id);
    expect(after!.status).toBe('succeeded');
    expect(after!.audit.map((change) => `${change.from}→${change.to}`)).toEqual(['null→pending', 'pending→succeeded']);
    expect(after!.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `invoice:${payment.id}`, name: 'billing.issue-invoice', state: 'pending', attempts: 1 }),
        expect.objectContaining({ name: 'payment.succeeded>receipts-probe', state: 'done' }),
      ]),
    );
    expect(after!.effects!.find((effect) => effect.name === 'billing.issue-invoice')!.lastError).toBe('invoice store unavailable');

    await owedEffectsDueNow(app, payment.id);
    expect(await relay.sweep()).toBeGreaterThanOrEqual(1);
    expect(await invoicesOf(payment.id)).toBe(1);
    expect(receiptsOf(payment.id)).toBe(1);
    expect((await stored(payment.id))!.effects!.every((effect) => effect.state === 'done')).toBe(true);
  });

  it('loses nothing when the process stops between the write and the delivery: the sweep delivers each effect once', async () => {
    const payment = await pendingPayment(app, payer);
    // The delivery right after the write never happens, as when the process dies there.
    const spy = vi.spyOn(relay, 'deliver').mockResolvedValueOnce(undefined);
    const current = await app.get(TransactionsRepository).findById(payment.id);
    await app.get(TransactionsRepository).move(current!, 'succeeded', { trigger: 'system', source: 'webhook', eventId: 'evt_crash' });
    spy.mockRestore();
    expect(await invoicesOf(payment.id)).toBe(0);
    const owed = (await stored(payment.id))!.effects!;
    expect(owed.map((effect) => effect.name)).toEqual(
      expect.arrayContaining(['billing.issue-invoice', 'payment.succeeded>receipts-probe']),
    );
    expect(owed.every((effect) => effect.state === 'pending' && effect.attempts === 0)).toBe(true);

    await relay.sweep();
    await relay.sweep();
    expect(await invoicesOf(payment.id)).toBe(1);
    expect(receiptsOf(payment.id)).toBe(1);
  });

  it('owes the invoice and the receipt on the first success only: a dispute won does not send them again', async () => {
    const payment = await succeededPayment(app, payer);
    const payments = app.get(PaymentsService);
    await payments.changeStatus(contextOf(staff), payment.id, 'disputed', 'bank letter');
    await payments.changeStatus(contextOf(staff), payment.id, 'succeeded', 'dispute won');
    await relay.sweep();
    expect(await invoicesOf(payment.id)).toBe(1);
    expect(receiptsOf(payment.id)).toBe(1);
    const names = (await stored(payment.id))!.effects!.map((effect) => effect.name);
    expect(names.filter((name) => name === 'billing.issue-invoice')).toHaveLength(1);
    expect(names.filter((name) => name === 'payment.succeeded>receipts-probe')).toHaveLength(1);
  });

  it('owes payment.failed once when the provider reports a failure', async () => {
    const payment = await pendingPayment(app, payer);
    const repository = app.get(TransactionsRepository);
    const current = await repository.findById(payment.id);
    const moves = await Promise.all(
      Array.from({ length: 5 }, () =>
        repository.applyProviderStatus(current!, 'failed', { trigger: 'system', source: 'webhook', eventId: 'evt_fail' }),
      ),
    );
    expect(moves.filter((move) => move.applied)).toHaveLength(1);
    expect(failures.filter((event) => event.transactionId === payment.id)).toHaveLength(1);
    expect(await invoicesOf(payment.id)).toBe(0);
  });
});
