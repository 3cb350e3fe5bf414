import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import type { RequestContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { ProblemException } from '../../../core/http/problem.js';
import { AuditTrail } from '../../audit/index.js';
import { changeBy, ownedOr404 } from '../billing-context.js';
import type { RefundPaymentDto, TransactionDto } from '../dto/transaction.dto.js';
import { owedByRefund } from '../payment-effects.js';
import { REFUNDABLE } from '../payment.lifecycle.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider.js';
import type { Transaction } from '../schemas/transaction.schema.js';
import { toTransactionDto } from '../transaction.mapper.js';
import { TransactionsRepository } from '../transactions.repository.js';

const RESERVE_ATTEMPTS = 5;

export const refundNotPossible = (detail: string) =>
  new ProblemException(HttpStatus.CONFLICT, 'refund-not-possible', 'Refund not possible', detail);

/**
 * Staff give back part or all of a payment. The amount is reserved first with a guarded update of the
 * refunded total, so concurrent refunds never give back more than was captured; a provider failure
 * releases the reservation. The refund owes `payment.refunded`, written with it.
 */
@Injectable()
export class RefundPayment {
  constructor(
    private readonly transactions: TransactionsRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly relay: EffectsRelay,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  async execute(ctx: RequestContext, paymentId: string, input: RefundPaymentDto): Promise<TransactionDto> {
    this.policy.require(ctx, 'payment.refund');
    const origin = changeBy(ctx, 'staff', 'staff', input.reason);
    const { payment, amount } = await this.reserve(ctx, paymentId, input.amount);
    const refundedTotal = payment.refundedAmount + amount;
    let providerRefund: { id: string; status: 'succeeded' | 'pending' | 'failed' };
    try {
      providerRefund = await this.provider.refund({
        intentId: payment.stripePaymentIntentId!,
        amount,
        idempotencyKey: `refund:${paymentId}:${refundedTotal}`,
      });
      if (providerRefund.status === 'failed') throw refundNotPossible('The payment provider declined the refund.');
    } catch (error) {
      await this.transactions.releaseRefund(payment._id, amount);
      throw error;
    }
    const status = refundedTotal >= payment.amount ? 'refunded' : 'partially_refunded';
    const _id = new Types.ObjectId();
    const refund = await this.transactions.recordRefund(
      {
        _id,
        userId: payment.userId,
        amount,
        currency: payment.currency,
        status: providerRefund.status === 'succeeded' ? 'succeeded' : 'processing',
        provider: payment.provider,
        providerRefundId: providerRefund.id,
        refundOf: payment._id,
        description: input.reason ?? `Refund of ${paymentId}`,
      },
      origin,
      owedByRefund(this.relay, payment, { id: _id.toString(), amount }, status),
    );
    await this.transactions.move(payment, status, origin);
    await this.trail.record(ctx, {
      action: 'refund.issued',
      targetType: 'payment',
      targetId: paymentId,
      before: { status: payment.status, refundedAmount: payment.refundedAmount },
      after: {
        status,
        refundedAmount: refundedTotal,
        refundId: _id,
        refundAmount: amount,
        currency: payment.currency,
        reason: input.reason,
      },
    });
    return toTransactionDto(refund);
  }

  /** Adds the amount to the refunded total only if the total it was read with is still current. */
  private async reserve(ctx: RequestContext, id: string, requested: number | undefined): Promise<{ payment: Transaction; amount: number }> {
    for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
      const payment = ownedOr404(this.policy, ctx, 'payment.read', await this.transactions.findById(id), 'payment');
      if (payment.type === 'refund') throw refundNotPossible('A refund cannot be refunded.');
      if (!REFUNDABLE.includes(payment.status)) throw refundNotPossible(`A ${payment.status} payment cannot be refunded.`);
      const remaining = payment.amount - payment.refundedAmount;
      // Decided here, before the provider is asked: a refund of nothing is not a refund.
      if (remaining <= 0) throw refundNotPossible('Nothing is left to refund.');
      const amount = requested ?? remaining;
      if (amount > remaining) throw refundNotPossible(`At most ${remaining} can still be refunded.`);
      if (await this.transactions.reserveRefund(payment, amount)) return { payment, amount };
    }
    throw refundNotPossible('The payment is being refunded concurrently; retry.');
  }
}
