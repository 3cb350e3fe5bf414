import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { anyOf, findPage, type PageRequest } from '../../core/database/find-page.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import type { Page } from '../../core/http/pagination.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { transition, type TransitionOrigin, type TransitionResult } from '../../core/lifecycle/index.js';
import { billingAudit } from './billing-context.js';
import type { TransactionDto } from './dto/transaction.dto.js';
import { owedByMove } from './payment-effects.js';
import { paymentLifecycle, REFUNDABLE, type PaymentStatus } from './payment.lifecycle.js';
import { Transaction } from './schemas/transaction.schema.js';
import { toTransactionDto } from './transaction.mapper.js';
import { insertLean } from '../../core/database/insert-lean.js';

export type NewPayment = Pick<
  Transaction,
  | '_id'
  | 'userId'
  | 'type'
  | 'amount'
  | 'currency'
  | 'status'
  | 'provider'
  | 'stripePaymentIntentId'
  | 'description'
  | 'metadata'
  | 'billingDetails'
  | 'sessionId'
>;
export type NewCharge = Pick<
  Transaction,
  'userId' | 'amount' | 'currency' | 'provider' | 'subscriptionId' | 'description' | 'providerInvoiceId'
>;
export type NewRefund = Pick<
  Transaction,
  '_id' | 'userId' | 'amount' | 'currency' | 'status' | 'provider' | 'providerRefundId' | 'refundOf' | 'description'
>;

/**
 * The one writer of `transactions`: payments, subscription charges and refunds. Every status change is
 * a compare-and-set with its audit entry and the effects it owes in the same single-document update,
 * delivered right after; refunds reserve their amount with a guarded increment.
 */
@Injectable()
export class TransactionsRepository {
  constructor(
    @InjectModel(Transaction.name) readonly model: Model<Transaction>,
    private readonly relay: EffectsRelay,
  ) {}

  findById(id: string | Types.ObjectId): Promise<Transaction | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<Transaction>();
  }

  findByIntent(intentId: string): Promise<Transaction | null> {
    return this.model.findOne({ stripePaymentIntentId: intentId }).lean<Transaction>();
  }

  page(filter: QueryFilter<Transaction>, request: PageRequest): Promise<Page<TransactionDto>> {
    return findPage(this.model, filter, request, (transaction) => toTransactionDto(transaction), { createdAt: -1 });
  }

  /** A payment as the provider opened its intent, with its first audit entry. */
  async insertPayment(payment: NewPayment, origin: TransitionOrigin): Promise<Transaction> {
    return insertLean(this.model, { ...payment, audit: [billingAudit(null, payment.status, origin)] });
  }

  /** Moves the status through the lifecycle: compare-and-set, audited, with what the new status owes, then delivered. */
  async move(
    payment: Transaction,
    to: PaymentStatus,
    origin: TransitionOrigin,
    set?: Partial<Transaction>,
  ): Promise<TransitionResult<Transaction>> {
    const result = await transition(this.model, paymentLifecycle, {
      id: payment._id,
      to,
      origin,
      set,
      effects: owedByMove(this.relay, payment, to),
    });
    if (result.moved) await this.relay.deliver(this.model, result.document);
    return result;
  }

  /**
   * The provider's word on a payment: applied when the lifecycle lets the provider make that move from
   * where the payment is; otherwise nothing changes (events come late, twice, out of order).
   */
  async applyProviderStatus(
    payment: Transaction,
    to: PaymentStatus,
    origin: TransitionOrigin,
    set?: Partial<Transaction>,
  ): Promise<{ applied: boolean; document: Transaction }> {
    if (!paymentLifecycle.mayTrigger(payment.status, to, 'system')) return { applied: false, document: payment };
    try {
      const { moved, document } = await this.move(payment, to, origin, set);
      return { applied: moved, document };
    } catch (error) {
      if (!(error instanceof IllegalTransitionProblem)) throw error;
      // Moved meanwhile to where this word no longer applies.
      return { applied: false, document: (await this.findById(payment._id)) ?? payment };
    }
  }

  /** Takes `amount` of what is left to refund, only if the refunded total is still the one read and the payment refundable. */
  async reserveRefund(payment: Transaction, amount: number): Promise<boolean> {
    const reserved = await this.model.updateOne(
      { _id: payment._id, refundedAmount: payment.refundedAmount, status: anyOf(REFUNDABLE) },
      { $inc: { refundedAmount: amount } },
    );
    return reserved.modifiedCount === 1;
  }

  /** Gives back a reservation the provider did not honour. */
  async releaseRefund(id: Types.ObjectId, amount: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $inc: { refundedAmount: -amount } });
  }

  /** Refunds made at the provider (its dashboard): the refunded total rises to theirs, and never goes down. */
  async raiseRefundedTotal(id: Types.ObjectId, total: number): Promise<void> {
    await this.model.updateOne({ _id: id, refundedAmount: trusted({ $lt: total }) }, { $set: { refundedAmount: total } });
  }

  /** The refund transaction, with the effects it owes, in one insert. */
  async recordRefund(refund: NewRefund, origin: TransitionOrigin, effects: EffectRequest[]): Promise<Transaction> {
    const created = (
      await this.model.create({
        ...refund,
        type: 'refund',
        audit: [billingAudit(null, refund.status, origin)],
        effects: owedEffects(effects),
      })
    ).toObject();
    await this.relay.deliver(this.model, created);
    return created;
  }

  /**
   * A charge the provider made on its own (a subscription period), recorded succeeded with its invoice
   * and receipt owed, in one insert. With the provider's invoice id it is recorded once per invoice:
   * a redelivered invoice.paid finds the charge already there.
   */
  async recordCharge(charge: NewCharge, origin: TransitionOrigin): Promise<{ charge: Transaction; created: boolean }> {
    const _id = new Types.ObjectId();
    const owed = owedByMove(this.relay, { ...charge, _id, type: 'subscription', audit: [] }, 'succeeded');
    try {
      const created = (
        await this.model.create({
          ...charge,
          _id,
          type: 'subscription',
          status: 'succeeded',
          audit: [billingAudit(null, 'succeeded', origin)],
          effects: owedEffects(owed),
        })
      ).toObject();
      await this.relay.deliver(this.model, created);
      return { charge: created, created: true };
    } catch (error) {
      if (!charge.providerInvoiceId || !isDuplicateKeyOn(error, ['providerInvoiceId'])) throw error;
      const existing = await this.model.findOne({ providerInvoiceId: charge.providerInvoiceId }).lean<Transaction>();
      return { charge: existing!, created: false };
    }
  }
}
