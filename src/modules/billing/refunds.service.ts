import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { ProblemException } from '../../core/http/problem.js';
import { BillingEvents, type PaymentEvent } from './billing.events.js';
import { toTransactionDto } from './billing.mapper.js';
import type { TransactionDto } from './dto/transaction.dto.js';
import { paymentChange } from './payment-change.js';
import { REFUNDABLE } from './payment-lifecycle.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { Transaction } from './schemas/transaction.schema.js';
import { TransactionsService, type ChangeOrigin } from './transactions.service.js';

const notRefundable = (detail: string) => new ProblemException(HttpStatus.CONFLICT, 'refund-not-possible', 'Refund not possible', detail);

@Injectable()
export class RefundsService {
  constructor(
    @InjectModel(Transaction.name) private readonly transactions: Model<Transaction>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: TransactionsService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Refunds part or all of a payment. The amount is reserved first with a conditional update on the
   * refunded total, so concurrent refunds can never give back more than was captured; a provider
   * failure releases the reservation.
   */
  async refund(
    actor: Actor,
    id: string,
    requested: number | undefined,
    reason: string | undefined,
    client: ClientInfo,
  ): Promise<TransactionDto> {
    const origin: ChangeOrigin = { source: 'staff', actorId: actor.id, reason, client };
    const { payment, amount } = await this.reserve(new Types.ObjectId(id), requested);
    let providerRefund: { id: string; status: 'succeeded' | 'pending' | 'failed' };
    try {
      providerRefund = await this.provider.refund({
        intentId: payment.stripePaymentIntentId!,
        amount,
        idempotencyKey: `refund:${id}:${payment.refundedAmount + amount}`,
      });
      if (providerRefund.status === 'failed') throw notRefundable('The payment provider declined the refund.');
    } catch (error) {
      await this.transactions.updateOne({ _id: payment._id }, { $inc: { refundedAmount: -amount } });
      throw error;
    }
    const refundedTotal = payment.refundedAmount + amount;
    const refund = await this.transactions.create({
      userId: payment.userId,
      type: 'refund',
      amount,
      currency: payment.currency,
      status: providerRefund.status === 'succeeded' ? 'succeeded' : 'processing',
      provider: payment.provider,
      providerRefundId: providerRefund.id,
      refundOf: payment._id,
      description: reason ?? `Refund of ${payment._id.toString()}`,
      audit: [paymentChange(null, providerRefund.status === 'succeeded' ? 'succeeded' : 'processing', origin)],
    });
    await this.payments.move(payment._id, refundedTotal >= payment.amount ? 'refunded' : 'partially_refunded', origin);
    this.events.emit(BillingEvents.paymentRefunded, {
      transactionId: payment._id.toString(),
      userId: payment.userId.toString(),
      amount,
      currency: payment.currency,
      status: refundedTotal >= payment.amount ? 'refunded' : 'partially_refunded',
    } satisfies PaymentEvent);
    return toTransactionDto(refund.toObject());
  }

  /** Adds the amount to refundedAmount only if the total it was read with is still current. */
  private async reserve(id: Types.ObjectId, requested: number | undefined): Promise<{ payment: Transaction; amount: number }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const payment = await this.transactions.findById(id).lean<Transaction>();
      if (!payment) throw new NotFoundException('No such payment.');
      if (payment.type === 'refund') throw notRefundable('A refund cannot be refunded.');
      if (!REFUNDABLE.includes(payment.status)) throw notRefundable(`A ${payment.status} payment cannot be refunded.`);
      const remaining = payment.amount - payment.refundedAmount;
      // Decided here, before the provider is asked: a refund of nothing is not a refund.
      if (remaining <= 0) throw notRefundable('Nothing is left to refund.');
      const amount = requested ?? remaining;
      if (amount < 1) throw notRefundable('A refund is at least 1 minor unit.');
      if (amount > remaining) throw notRefundable(`At most ${remaining} can still be refunded.`);
      const reserved = await this.transactions.updateOne(
        { _id: id, refundedAmount: payment.refundedAmount, status: trusted({ $in: [...REFUNDABLE] }) },
        { $inc: { refundedAmount: amount } },
      );
      if (reserved.modifiedCount === 1) return { payment, amount };
    }
    throw notRefundable('The payment is being refunded concurrently; retry.');
  }

  /**
   * Stripe's `charge.refunded` carries the refunded total. Refunds made here already counted theirs;
   * refunds made in Stripe's dashboard are taken over. The total never goes down.
   */
  async applyRefundedTotal(intentId: string, refundedTotal: number, origin: ChangeOrigin): Promise<'applied' | 'unchanged' | 'unknown'> {
    const payment = await this.payments.findByIntent(intentId);
    if (!payment) return 'unknown';
    const total = Math.min(payment.amount, Math.max(payment.refundedAmount, refundedTotal));
    if (total > payment.refundedAmount) {
      await this.transactions.updateOne({ _id: payment._id, refundedAmount: trusted({ $lt: total }) }, { $set: { refundedAmount: total } });
    }
    const target = total >= payment.amount ? 'refunded' : total > 0 ? 'partially_refunded' : undefined;
    if (!target || payment.status === target) return 'unchanged';
    const outcome = await this.payments.applyProviderStatus(intentId, target, origin);
    return outcome;
  }
}
