import type { INestApplicationContext } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { PageQueryDto } from '../../../src/core/http/pagination.js';
import type { PaymentRefundedEvent } from '../../../src/modules/billing/index.js';
import { PaymentsService } from '../../../src/modules/billing/payments.service.js';
import { RefundRequestsService } from '../../../src/modules/billing/refund-requests.service.js';
import { TransactionsRepository } from '../../../src/modules/billing/transactions.repository.js';
import { RefundPayment } from '../../../src/modules/billing/use-cases/refund-payment.js';
import { pendingPayment, refundRequest, succeededPayment, transactionModel } from '../../support/factories/billing.js';
import { account, contextOf } from '../../support/factories/identity.js';
import { startMediumApp } from '../../support/medium-app.js';

type Account = Awaited<ReturnType<typeof account>>;

const statusOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'fulfilled' ? 'ok' : (outcome.reason as { status?: number }).status;

/** The rules about money that hold in the database under concurrency: one move wins, refunds never exceed the capture. */
describe('payments and refunds against the database', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let payer: Account;
  let staff: Account;
  const refunded: PaymentRefundedEvent[] = [];

  beforeAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    ({ app, close } = await startMediumApp());
    app.get(EffectsRelay).on('payment.refunded', 'refunds-probe', async (event) => void refunded.push(event));
    [payer, staff] = await Promise.all([account(app), account(app, 'staff')]);
  });
  afterAll(() => close?.());

  const stored = (id: string) => transactionModel(app).findById(id).lean();

  it('lets one of many concurrent provider moves from pending win (compare-and-set), with one audit entry', async () => {
    const payment = await pendingPayment(app, payer);
    const repository = app.get(TransactionsRepository);
    const read = (await repository.findById(payment.id))!;
    const origin = { trigger: 'system' as const, source: 'webhook', eventId: 'evt_race' };
    const moves = await Promise.all(
      Array.from({ length: 10 }, (_, index) => repository.applyProviderStatus(read, index % 2 ? 'failed' : 'succeeded', origin)),
    );
    expect(moves.filter((move) => move.applied)).toHaveLength(1);
    const after = await stored(payment.id);
    expect(after!.audit).toHaveLength(2);
    expect(after!.audit[1]).toMatchObject({ from: 'pending', to: after!.status, source: 'webhook', eventId: 'evt_race' });
    // What the winner owes, and nothing of the losers'.
    const names = after!.effects!.map((effect) => effect.name);
    expect(names.includes('billing.issue-invoice')).toBe(after!.status === 'succeeded');
  });

  it('answers a staff move the lifecycle forbids with 409 and changes nothing', async () => {
    const payment = await succeededPayment(app, payer);
    await expect(app.get(PaymentsService).changeStatus(contextOf(staff), payment.id, 'pending', 'undo')).rejects.toMatchObject({
      status: 409,
    });
    expect((await stored(payment.id))!.status).toBe('succeeded');
  });

  it('gives back at most what was captured when ten refunds of 30 on 100 race: three succeed, seven are 409', async () => {
    const payment = await succeededPayment(app, payer, { amount: 100 });
    const refund = app.get(RefundPayment);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => refund.execute(contextOf(staff), payment.id, { amount: 30, reason: 'goodwill' })),
    );
    expect(outcomes.map(statusOf).sort()).toEqual([409, 409, 409, 409, 409, 409, 409, 'ok', 'ok', 'ok']);
    const after = await stored(payment.id);
    expect(after).toMatchObject({ refundedAmount: 90, status: 'partially_refunded' });
    expect(await transactionModel(app).countDocuments({ refundOf: new Types.ObjectId(payment.id) })).toBe(3);
    expect(refunded.filter((event) => event.transactionId === payment.id).map((event) => event.amount)).toEqual([30, 30, 30]);
  });

  it('refuses a refund to a payer (403) and a refund of another payer’s payment does not exist for them (404)', async () => {
    const payment = await succeededPayment(app, payer);
    const other = await account(app);
    await expect(app.get(RefundPayment).execute(contextOf(payer), payment.id, {})).rejects.toMatchObject({ status: 403 });
    await expect(app.get(PaymentsService).get(contextOf(other), payment.id)).rejects.toMatchObject({ status: 404 });
    await expect(refundRequest(app, other, payment.id)).rejects.toMatchObject({ status: 404 });
  });

  it('reviews a refund request once: of five concurrent approvals one refunds, the others are 409', async () => {
    const payment = await succeededPayment(app, payer, { amount: 5_000 });
    const request = await refundRequest(app, payer, payment.id, 2_000);
    const requests = app.get(RefundRequestsService);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => requests.approve(contextOf(staff), request.id, 'ok')));
    expect(outcomes.map(statusOf).sort()).toEqual([409, 409, 409, 409, 'ok']);
    expect(await transactionModel(app).countDocuments({ refundOf: new Types.ObjectId(payment.id) })).toBe(1);
    expect((await stored(payment.id))!.refundedAmount).toBe(2_000);
    const [mine] = (await requests.listMine(contextOf(payer), new PageQueryDto())).items.filter((item) => item.id === request.id);
    expect(mine).toMatchObject({ status: 'processed', reviewedBy: staff.id });
  });
});
