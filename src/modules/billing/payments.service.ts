import { Inject, Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, within } from '../../core/database/find-page.js';
import { AuditTrail } from '../audit/index.js';
import type { Page } from '../../core/http/pagination.js';
import { callerId, changeBy, ownedOr404 } from './billing-context.js';
import type { PaymentQueryDto, TransactionDto } from './dto/transaction.dto.js';
import { PaymentMethodsService } from './payment-methods.service.js';
import { paymentLifecycle, type PaymentStatus } from './payment.lifecycle.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import type { Transaction } from './schemas/transaction.schema.js';
import { toTransactionDto } from './transaction.mapper.js';
import { TransactionsRepository } from './transactions.repository.js';

const dateOf = (value: string | undefined) => (value ? new Date(value) : undefined);

/** Payments as their payers and staff see them: reading, the history, confirming, and staff corrections. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly methods: PaymentMethodsService,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<TransactionDto> {
    return toTransactionDto(await this.load(ctx, id, 'payment.read'));
  }

  /** A payer's history, newest first, by status, type, date range and amount: the payer, or staff. */
  async listForUser(ctx: RequestContext, userId: string, query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    this.policy.requireOn(ctx, 'payment.list', { ownerId: userId }, 'user');
    const filter = compact({
      userId: new Types.ObjectId(userId),
      status: query.status,
      type: query.type,
      createdAt: within(dateOf(query.from), dateOf(query.to)),
      amount: within(query.minAmount, query.maxAmount),
    }) as QueryFilter<Transaction>;
    return this.transactions.page(filter, query);
  }

  history(ctx: RequestContext, query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    return this.listForUser(ctx, callerId(ctx), query);
  }

  /**
   * The payer (or staff for them) confirms a pending payment with a method of the payer's. What the
   * provider answers is its own word: applied as the provider's move, as its webhook would be.
   */
  async confirm(ctx: RequestContext, id: string, paymentMethodId: string | undefined): Promise<TransactionDto> {
    const payment = await this.load(ctx, id, 'payment.confirm');
    paymentLifecycle.assertMove(payment.status, 'processing', payment.userId.toString() === ctx.actor?.id ? 'owner' : 'staff');
    const method = await this.methods.resolveForPayment(payment.userId, paymentMethodId);
    const status = await this.provider.confirmIntent(payment.stripePaymentIntentId!, method, `confirm:${id}`);
    const { document } = await this.transactions.applyProviderStatus(payment, status, changeBy(ctx, 'system', 'api'));
    return toTransactionDto(document);
  }

  /** A staff correction: any move the lifecycle allows staff, with the reason in the audit trail (otherwise 409). */
  async changeStatus(ctx: RequestContext, id: string, to: PaymentStatus, reason: string | undefined): Promise<TransactionDto> {
    this.policy.require(ctx, 'payment.change-status');
    const payment = await this.load(ctx, id, 'payment.read');
    const { document } = await this.transactions.move(payment, to, changeBy(ctx, 'staff', 'staff', reason));
    if (document.status !== payment.status)
      await this.trail.record(ctx, {
        action: 'payment.transitioned',
        targetType: 'payment',
        targetId: id,
        before: { status: payment.status },
        after: { status: document.status, reason },
      });
    return toTransactionDto(document);
  }

  private async load(ctx: RequestContext, id: string, permission: 'payment.read' | 'payment.confirm'): Promise<Transaction> {
    return ownedOr404(this.policy, ctx, permission, await this.transactions.findById(id), 'payment');
  }
}
