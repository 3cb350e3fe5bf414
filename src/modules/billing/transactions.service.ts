import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { assertMayAccess } from '../../core/auth/ownership.js';
import { isStaff, type Actor } from '../../core/auth/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { IllegalTransitionProblem, ValidationProblem } from '../../core/http/problem.js';
import { BillingEvents, type PaymentEvent } from './billing.events.js';
import { toTransactionDto } from './billing.mapper.js';
import type { CreatePaymentDto, PaymentQueryDto, TransactionDto } from './dto/transaction.dto.js';
import { InvoicesService } from './invoices.service.js';
import { assertMetadata, movedBy, paymentChange, type ChangeOrigin } from './payment-change.js';
import { canMove, type PaymentStatus } from './payment-lifecycle.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { Transaction } from './schemas/transaction.schema.js';

export type { ChangeOrigin } from './payment-change.js';

@Injectable()
export class TransactionsService {
  constructor(
    @InjectModel(Transaction.name) private readonly transactions: Model<Transaction>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly invoices: InvoicesService,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
  ) {}

  /** Records a pending payment and opens the provider's intent for it (seed 004's intent, seed 003's transaction). */
  async create(actor: Actor, input: CreatePaymentDto, client: ClientInfo): Promise<TransactionDto> {
    if (input.userId && input.userId !== actor.id && !isStaff(actor))
      throw new ForbiddenException('Only staff may record a payment for another user.');
    this.assertAmount(input.amount);
    assertMetadata(input.metadata);
    const _id = new Types.ObjectId();
    const intent = await this.provider.createIntent({
      amount: input.amount,
      currency: input.currency,
      transactionId: _id.toString(),
      idempotencyKey: `intent:${_id.toString()}`,
    });
    const created = await this.transactions.create({
      _id,
      userId: new Types.ObjectId(input.userId ?? actor.id),
      type: input.type ?? 'purchase',
      amount: input.amount,
      currency: input.currency,
      status: intent.status,
      provider: this.provider.name,
      stripePaymentIntentId: intent.id,
      description: input.description,
      metadata: input.metadata,
      billingDetails: input.billingDetails,
      audit: [paymentChange(null, intent.status, { source: 'api', actorId: actor.id, client })],
    });
    return toTransactionDto(created.toObject(), intent.clientSecret);
  }

  async confirm(actor: Actor, id: string, paymentMethod: string | undefined, client: ClientInfo): Promise<TransactionDto> {
    const transaction = await this.findFor(actor, id);
    if (transaction.status !== 'pending') throw new IllegalTransitionProblem('payment', transaction.status, 'processing');
    const status = await this.provider.confirmIntent(transaction.stripePaymentIntentId!, paymentMethod, `confirm:${id}`);
    const moved = await this.move(transaction._id, status, { source: 'api', actorId: actor.id, client });
    return toTransactionDto(moved);
  }

  async get(actor: Actor, id: string): Promise<TransactionDto> {
    return toTransactionDto(await this.findFor(actor, id));
  }

  /** A payer's history with filters; the owner or staff only. */
  async list(actor: Actor, userId: string, query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    assertMayAccess(actor, userId);
    const filter: Record<string, unknown> = { userId: new Types.ObjectId(userId) };
    if (query.status) filter.status = query.status;
    if (query.type) filter.type = query.type;
    const createdAt: Record<string, Date> = {};
    if (query.from) createdAt.$gte = new Date(query.from);
    if (query.to) createdAt.$lte = new Date(query.to);
    if (Object.keys(createdAt).length) filter.createdAt = trusted(createdAt);
    const amount: Record<string, number> = {};
    if (query.minAmount !== undefined) amount.$gte = query.minAmount;
    if (query.maxAmount !== undefined) amount.$lte = query.maxAmount;
    if (Object.keys(amount).length) filter.amount = trusted(amount);
    const [items, total] = await Promise.all([
      this.transactions.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<Transaction[]>(),
      this.transactions.countDocuments(filter),
    ]);
    return toPage(
      items.map((item) => toTransactionDto(item)),
      total,
      query,
    );
  }

  /** Staff only (the route says so): any legal move, with the reason in the audit trail. */
  async changeStatus(actor: Actor, id: string, to: PaymentStatus, reason: string | undefined, client: ClientInfo): Promise<TransactionDto> {
    const transaction = await this.findOrFail(id);
    if (!canMove(transaction.status, to)) throw new IllegalTransitionProblem('payment', transaction.status, to);
    return toTransactionDto(await this.move(transaction._id, to, { source: 'staff', actorId: actor.id, reason, client }));
  }

  /**
   * Applies a provider's word on a payment. Events come late, twice or out of order: a move the
   * lifecycle does not allow (backwards, out of a final state) changes nothing and says so.
   */
  async applyProviderStatus(
    intentId: string,
    to: PaymentStatus,
    origin: ChangeOrigin,
    failureReason?: string,
  ): Promise<'applied' | 'unchanged' | 'unknown'> {
    const transaction = await this.transactions.findOne({ stripePaymentIntentId: intentId }).lean<Transaction>();
    if (!transaction) return 'unknown';
    if (transaction.status === to && origin.eventId && movedBy(transaction, to, origin.eventId)) {
      // This very event moved it before its handler died: finish what the move owed (each effect is keyed, so none doubles).
      await this.afterMove(transaction);
      return 'applied';
    }
    if (transaction.status === to || !canMove(transaction.status, to)) return 'unchanged';
    await this.move(transaction._id, to, origin, failureReason ? { failureReason: failureReason.slice(0, 500) } : {});
    return 'applied';
  }

  /**
   * A charge the provider made on its own (a subscription period): recorded, then moved to succeeded.
   * With the provider's invoice id it is recorded once per invoice: a redelivered invoice.paid finds
   * the charge already there and only finishes its move.
   */
  async recordCharge(
    input: {
      userId: Types.ObjectId;
      amount: number;
      currency: string;
      subscriptionId: Types.ObjectId;
      description: string;
      providerInvoiceId?: string;
    },
    origin: ChangeOrigin,
  ): Promise<{ charge: Transaction; created: boolean }> {
    let charge: Transaction;
    let created = true;
    try {
      charge = (
        await this.transactions.create({
          userId: input.userId,
          type: 'subscription',
          amount: input.amount,
          currency: input.currency,
          status: 'processing',
          provider: this.provider.name,
          subscriptionId: input.subscriptionId,
          providerInvoiceId: input.providerInvoiceId,
          description: input.description,
          audit: [paymentChange(null, 'processing', origin)],
        })
      ).toObject();
    } catch (error) {
      if (!input.providerInvoiceId || !isDuplicateKeyOn(error, ['providerInvoiceId'])) throw error;
      charge = (await this.transactions.findOne({ providerInvoiceId: input.providerInvoiceId }).lean<Transaction>())!;
      created = false;
    }
    if (!created && charge.status === 'succeeded') {
      await this.afterMove(charge);
      return { charge, created };
    }
    return { charge: await this.move(charge._id, 'succeeded', origin), created };
  }

  findByIntent(intentId: string): Promise<Transaction | null> {
    return this.transactions.findOne({ stripePaymentIntentId: intentId }).lean<Transaction>();
  }

  /**
   * Moves a transaction only from the status it was read in (optimistic concurrency), appending
   * the audit entry in the same update; the side effects of the new status follow.
   */
  async move(id: Types.ObjectId, to: PaymentStatus, origin: ChangeOrigin, extra: Partial<Transaction> = {}): Promise<Transaction> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.transactions.findById(id).lean<Transaction>();
      if (!current) throw new NotFoundException('No such payment.');
      if (current.status === to) return current;
      if (!canMove(current.status, to)) throw new IllegalTransitionProblem('payment', current.status, to);
      const moved = await this.transactions
        .findOneAndUpdate(
          { _id: id, status: current.status },
          { $set: { status: to, ...extra }, $push: { audit: paymentChange(current.status, to, origin) } },
          { returnDocument: 'after' },
        )
        .lean<Transaction>();
      if (moved) {
        await this.afterMove(moved);
        return moved;
      }
    }
    throw new IllegalTransitionProblem('payment', 'a concurrently changed status', to);
  }

  private async afterMove(transaction: Transaction): Promise<void> {
    const event: PaymentEvent = {
      transactionId: transaction._id.toString(),
      userId: transaction.userId.toString(),
      amount: transaction.amount,
      currency: transaction.currency,
      status: transaction.status,
    };
    if (transaction.status === 'succeeded' && transaction.type !== 'refund') {
      await this.invoices.issueForPayment(transaction);
      this.events.emit(BillingEvents.paymentSucceeded, event);
    } else if (transaction.status === 'failed') {
      this.events.emit(BillingEvents.paymentFailed, event);
    }
  }

  async findFor(actor: Actor, id: string): Promise<Transaction> {
    const transaction = await this.findOrFail(id);
    assertMayAccess(actor, transaction.userId);
    return transaction;
  }

  private async findOrFail(id: string): Promise<Transaction> {
    const transaction = await this.transactions.findById(new Types.ObjectId(id)).lean<Transaction>();
    if (!transaction) throw new NotFoundException('No such payment.');
    return transaction;
  }

  assertAmount(amount: number): void {
    const max = this.config.get('BILLING_MAX_AMOUNT');
    if (amount > max) throw new ValidationProblem([{ field: 'amount', message: `must not exceed ${max} minor units` }]);
  }
}
