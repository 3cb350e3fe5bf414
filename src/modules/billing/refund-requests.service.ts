import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { compact, findPage } from '../../core/database/find-page.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { IllegalTransitionProblem, ProblemException } from '../../core/http/problem.js';
import { transition, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { AuditTrail } from '../audit/index.js';
import { billingAudit, callerId, changeBy, ownedOr404 } from './billing-context.js';
import type { CreateRefundRequestDto, RefundRequestDto, RefundRequestQueryDto } from './dto/refund-request.dto.js';
import { REFUNDABLE } from './payment.lifecycle.js';
import { toRefundRequestDto } from './refund-request.mapper.js';
import { refundRequestLifecycle, type RefundRequestStatus } from './refund-request.lifecycle.js';
import { RefundRequest } from './schemas/refund-request.schema.js';
import { TransactionsRepository } from './transactions.repository.js';
import { RefundPayment, refundNotPossible } from './use-cases/refund-payment.js';

/** Payers ask for money back; staff approve (the refund is made at once) or reject, once. */
@Injectable()
export class RefundRequestsService {
  constructor(
    @InjectModel(RefundRequest.name) private readonly requests: Model<RefundRequest>,
    private readonly transactions: TransactionsRepository,
    private readonly refunds: RefundPayment,
    private readonly policy: PermissionPolicy,
    private readonly trail: AuditTrail,
  ) {}

  /** A request on one of the caller's payments, for at most what is not yet refunded. */
  async create(ctx: RequestContext, input: CreateRefundRequestDto): Promise<RefundRequestDto> {
    const payment = ownedOr404(this.policy, ctx, 'refund-request.create', await this.transactions.findById(input.transactionId), 'payment');
    const remaining = payment.amount - payment.refundedAmount;
    if (payment.type === 'refund' || !REFUNDABLE.includes(payment.status) || remaining <= 0)
      throw refundNotPossible(`A ${payment.status} payment cannot be refunded.`);
    const amount = input.amount ?? remaining;
    if (amount > remaining) throw refundNotPossible(`At most ${remaining} can still be refunded.`);
    const created = await this.requests.create({
      userId: payment.userId,
      transactionId: payment._id,
      amount,
      currency: payment.currency,
      reason: input.reason,
      note: input.note,
      audit: [billingAudit(null, refundRequestLifecycle.table.initial, changeBy(ctx, 'owner', 'api'))],
    });
    return toRefundRequestDto(created.toObject());
  }

  async listMine(ctx: RequestContext, query: PageQueryDto): Promise<Page<RefundRequestDto>> {
    this.policy.require(ctx, 'refund-request.list');
    return findPage(this.requests, { userId: new Types.ObjectId(callerId(ctx)) }, query, toRefundRequestDto);
  }

  /** The staff queue, oldest first. */
  async queue(ctx: RequestContext, query: RefundRequestQueryDto): Promise<Page<RefundRequestDto>> {
    this.policy.require(ctx, 'refund-request.queue');
    return findPage(this.requests, compact({ status: query.status }), query, toRefundRequestDto, { createdAt: 1 });
  }

  /**
   * Approving makes the refund at once. If the payment can no longer be refunded, the request is
   * rejected with why; if the provider fails, it stays approved for staff to reject or the payer to ask again.
   */
  async approve(ctx: RequestContext, id: string, note: string | undefined): Promise<RefundRequestDto> {
    this.policy.require(ctx, 'refund-request.review');
    const request = await this.move(id, 'approved', changeBy(ctx, 'staff', 'staff', note), this.reviewBy(ctx, note));
    await this.recordReview(ctx, 'refund.approved', request);
    const settled = changeBy(ctx, 'system', 'staff');
    try {
      const refund = await this.refunds.execute(ctx, request.transactionId.toString(), {
        amount: request.amount,
        reason: `Refund request ${id}: ${request.reason}`,
      });
      return toRefundRequestDto(await this.move(id, 'processed', settled, { refundTransactionId: new Types.ObjectId(refund.id) }));
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== HttpStatus.CONFLICT) throw error;
      await this.move(id, 'rejected', { ...settled, reason: error.message }, { reviewNote: `Could not be processed: ${error.message}` });
      throw error;
    }
  }

  async reject(ctx: RequestContext, id: string, note: string | undefined): Promise<RefundRequestDto> {
    this.policy.require(ctx, 'refund-request.review');
    const request = await this.move(id, 'rejected', changeBy(ctx, 'staff', 'staff', note), this.reviewBy(ctx, note));
    await this.recordReview(ctx, 'refund.rejected', request);
    return toRefundRequestDto(request);
  }

  private recordReview(ctx: RequestContext, action: 'refund.approved' | 'refund.rejected', request: RefundRequest): Promise<void> {
    return this.trail.record(ctx, {
      action,
      targetType: 'refund-request',
      targetId: request._id.toString(),
      before: { status: request.audit.at(-1)?.from },
      after: { status: request.status, amount: request.amount, transactionId: request.transactionId, reviewNote: request.reviewNote },
    });
  }

  private reviewBy(ctx: RequestContext, note: string | undefined): Partial<RefundRequest> {
    return { reviewedBy: new Types.ObjectId(callerId(ctx)), reviewedAt: new Date(), reviewNote: note };
  }

  /** One review: a move that someone else made first (the request is already there) is 409, never done twice. */
  private async move(id: string, to: RefundRequestStatus, origin: TransitionOrigin, set: Partial<RefundRequest>): Promise<RefundRequest> {
    const { moved, document } = await transition(this.requests, refundRequestLifecycle, { id: new Types.ObjectId(id), to, origin, set });
    if (!moved) throw new IllegalTransitionProblem('refund request', document.status, to);
    return document;
  }
}
