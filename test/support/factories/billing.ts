import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Role } from '../../../src/core/auth/roles.js';
import { Sequence } from '../../../src/core/database/sequences.js';
import type { CreatePaymentDto, TransactionDto } from '../../../src/modules/billing/dto/transaction.dto.js';
import { invoiceCounterName } from '../../../src/modules/billing/invoices.service.js';
import { PaymentsService } from '../../../src/modules/billing/payments.service.js';
import { RefundRequestsService } from '../../../src/modules/billing/refund-requests.service.js';
import { Invoice } from '../../../src/modules/billing/schemas/invoice.schema.js';
import { Transaction } from '../../../src/modules/billing/schemas/transaction.schema.js';
import { SubscriptionsService } from '../../../src/modules/billing/subscriptions.service.js';
import { CreatePaymentIntent } from '../../../src/modules/billing/use-cases/create-payment-intent.js';
import { contextOf } from './identity.js';

type Payer = { id: string; role?: Role };

export const transactionModel = (app: INestApplicationContext) => app.get<Model<Transaction>>(getModelToken(Transaction.name));
export const invoiceModel = (app: INestApplicationContext) => app.get<Model<Invoice>>(getModelToken(Invoice.name));

/** A pending payment of `payer`'s, through the use case the API calls (the embedded provider opens the intent). */
export function pendingPayment(
  app: INestApplicationContext,
  payer: Payer,
  overrides: Partial<CreatePaymentDto> = {},
): Promise<TransactionDto> {
  return app
    .get(CreatePaymentIntent)
    .execute(contextOf(payer), { amount: 2_500, currency: 'EUR', description: 'Workshop seat', ...overrides });
}

/** A payment the payer confirmed; the embedded provider settles it at once (succeeded, invoice and receipt owed). */
export async function succeededPayment(
  app: INestApplicationContext,
  payer: Payer,
  overrides: Partial<CreatePaymentDto> = {},
): Promise<TransactionDto> {
  const payment = await pendingPayment(app, payer, overrides);
  return app.get(PaymentsService).confirm(contextOf(payer), payment.id, undefined);
}

/** A subscription of `user`'s to a plan; the embedded provider charges its first period at once. */
export function subscription(app: INestApplicationContext, user: Payer, plan = 'pro') {
  return app.get(SubscriptionsService).create(contextOf(user), { plan });
}

export function refundRequest(app: INestApplicationContext, payer: Payer, paymentId: string, amount?: number) {
  return app.get(RefundRequestsService).create(contextOf(payer), { transactionId: paymentId, amount, reason: 'requested_by_customer' });
}

/** Makes a payment's pending owed effects due now, as once their backoff has passed. */
export async function owedEffectsDueNow(app: INestApplicationContext, paymentId: string): Promise<void> {
  await transactionModel(app).updateOne(
    { _id: new Types.ObjectId(paymentId) },
    { $set: { 'effects.$[e].dueAt': new Date(0) } },
    { arrayFilters: [{ 'e.state': 'pending' }] },
  );
}

/** Sets this year's invoice counter back by `by`, as a restore from an older backup would. */
export async function rewindInvoiceCounter(app: INestApplicationContext, year: number, by: number): Promise<void> {
  await app.get<Model<Sequence>>(getModelToken(Sequence.name)).updateOne({ _id: invoiceCounterName(year) }, { $inc: { last: -by } });
}
