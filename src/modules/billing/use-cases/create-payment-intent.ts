import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../../core/auth/permission-policy.js';
import type { RequestContext } from '../../../core/auth/request-context.js';
import { ValidationProblem } from '../../../core/http/problem.js';
import { UserDirectory } from '../../identity/index.js';
import { callerId, changeBy } from '../billing-context.js';
import { BillingConfig } from '../billing.config.js';
import type { CreatePaymentDto, TransactionDto } from '../dto/transaction.dto.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from '../providers/payment-provider.js';
import { toTransactionDto } from '../transaction.mapper.js';
import { TransactionsRepository } from '../transactions.repository.js';
import { fitsLength } from '../../../core/text-length.js';

const MAX_METADATA_KEYS = 20;

/** A pending payment and the provider's intent for it (seed 004's intent, seed 003's transaction); staff may record one for a user. */
@Injectable()
export class CreatePaymentIntent {
  constructor(
    private readonly transactions: TransactionsRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly users: UserDirectory,
    private readonly policy: PermissionPolicy,
    private readonly config: BillingConfig,
  ) {}

  async execute(ctx: RequestContext, input: CreatePaymentDto): Promise<TransactionDto> {
    this.policy.require(ctx, 'payment.create');
    const payerId = input.userId ?? callerId(ctx);
    if (payerId !== callerId(ctx)) {
      this.policy.require(ctx, 'payment.create-for-user');
      if (!(await this.users.exists(payerId))) throw new ValidationProblem([{ field: 'userId', message: 'is not a user' }]);
    }
    this.assertAmount(input.amount);
    assertMetadata(input.metadata);
    const _id = new Types.ObjectId();
    const intent = await this.provider.createIntent({
      amount: input.amount,
      currency: input.currency,
      transactionId: _id.toString(),
      idempotencyKey: `intent:${_id.toString()}`,
    });
    const payment = await this.transactions.insertPayment(
      {
        _id,
        userId: new Types.ObjectId(payerId),
        type: input.type ?? 'purchase',
        amount: input.amount,
        currency: input.currency,
        status: intent.status,
        provider: this.provider.name,
        stripePaymentIntentId: intent.id,
        description: input.description,
        metadata: input.metadata,
        billingDetails: input.billingDetails,
        sessionId: input.sessionId ? new Types.ObjectId(input.sessionId) : undefined,
      },
      changeBy(ctx, 'owner', 'api'),
    );
    return toTransactionDto(payment, intent.clientSecret);
  }

  private assertAmount(amount: number): void {
    const max = this.config.BILLING_MAX_AMOUNT;
    if (amount > max) throw new ValidationProblem([{ field: 'amount', message: `must not exceed ${max} minor units` }]);
  }
}

function assertMetadata(metadata: Record<string, unknown> | undefined): void {
  if (!metadata) return;
  const entries = Object.entries(metadata);
  if (
    entries.length > MAX_METADATA_KEYS ||
    entries.some(([key, value]) => typeof value !== 'string' || !fitsLength(value, 500) || !fitsLength(key, 40))
  ) {
    throw new ValidationProblem([
      { field: 'metadata', message: `must hold at most ${MAX_METADATA_KEYS} string values of up to 500 characters` },
    ]);
  }
}
