import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import { toPage, type Page, type PageQueryDto } from '../../core/http/pagination.js';
import { IllegalTransitionProblem, ProblemException } from '../../core/http/problem.js';
import { idOf, iso } from '../../core/http/serialize.js';
import type { CreateRefundRequestDto, RefundRequestDto, RefundRequestQueryDto } from './dto/refund-request.dto.js';
import { REFUNDABLE } from './payment-lifecycle.js';
import { REFUND_REQUEST_TRANSITIONS, type RefundRequestStatus } from './refund-request-lifecycle.js';
import { RefundsService } from './refunds.service.js';
import { RefundRequest } from './schemas/refund-request.schema.js';
import { TransactionsService } from './transactions.service.js';

@Injectable()
export class RefundRequestsService {
  constructor(
    @InjectModel(RefundRequest.name) private readonly requests: Model<RefundRequest>,
    private readonly payments: TransactionsService,
    private readonly refunds: RefundsService,
  ) {}

  /** A payer asks for money back on one of their payments; the amount is checked against what remains. */
  async create(actor: Actor, input: CreateRefundRequestDto): Promise<RefundRequestDto> {
    const payment = await this.payments.findFor(actor, input.transactionId);
    const remaining = payment.amount - payment.refundedAmount;
    if (!REFUNDABLE.includes(payment.status) || remaining <= 0) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'refund-not-possible',
        'Refund not possible',
        `A ${payment.status} payment cannot be refunded.`,
      );
    }
    const amount = input.amount ?? remaining;
    if (amount > remaining) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'refund-not-possible',
        'Refund not possible',
        `At most ${remaining} can still be refunded.`,
      );
    }
    const created = await this.requests.create({
      userId: payment.userId,
      transactionId: payment._id,
      amount,
      currency: payment.currency,
      reason: input.reason,
      note: input.note,
    });
    return toRefundRequestDto(created.toObject());
  }

  async listMine(actor: Actor, query: PageQueryDto): Promise<Page<RefundRequestDto>> {
    return this.page({ userId: new Types.ObjectId(actor.id) }, { createdAt: -1, _id: -1 }, query);
  }

  /** The staff queue, oldest first. */
  async queue(query: RefundRequestQueryDto): Promise<Page<RefundRequestDto>> {
    return this.page(query.status ? { status: query.status } : {}, { createdAt: 1, _id: 1 }, query);
  }

  /** Approving makes the refund at once; if the payment can no longer be refunded, the request is rejected with why. */
  async approve(actor: Actor, id: string, note: string | undefined, client: ClientInfo): Promise<RefundRequestDto> {
    const request = await this.move(id, 'approved', { reviewedBy: new Types.ObjectId(actor.id), reviewedAt: new Date(), reviewNote: note });
    try {
      const refund = await this.refunds.refund(
        actor,
        request.transactionId.toString(),
        request.amount,
        `Refund request ${id}: ${request.reason}`,
        client,
      );
      return toRefundRequestDto(await this.move(id, 'processed', { refundTransactionId: new Types.ObjectId(refund.id) }));
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== HttpStatus.CONFLICT) throw error;
      await this.move(id, 'rejected', { reviewNote: `Could not be processed: ${error.message}` });
      throw error;
    }
  }

  async reject(actor: Actor, id: string, note: string | undefined): Promise<RefundRequestDto> {
    return toRefundRequestDto(
      await this.move(id, 'rejected', { reviewedBy: new Types.ObjectId(actor.id), reviewedAt: new Date(), reviewNote: note }),
    );
  }

  /** Moves a request along its lifecycle only from the status it is in now. */
  private async move(id: string, to: RefundRequestStatus, fields: Partial<RefundRequest>): Promise<RefundRequest> {
    const current = await this.requests.findById(new Types.ObjectId(id)).lean<RefundRequest>();
    if (!current) throw new NotFoundException('No such refund request.');
    if (!REFUND_REQUEST_TRANSITIONS[current.status].includes(to)) throw new IllegalTransitionProblem('refund request', current.status, to);
    const moved = await this.requests
      .findOneAndUpdate({ _id: current._id, status: current.status }, { $set: { status: to, ...fields } }, { returnDocument: 'after' })
      .lean<RefundRequest>();
    if (!moved) throw new IllegalTransitionProblem('refund request', 'a concurrently changed status', to);
    return moved;
  }

  private async page(filter: Record<string, unknown>, sort: Record<string, 1 | -1>, query: PageQueryDto): Promise<Page<RefundRequestDto>> {
    const [items, total] = await Promise.all([
      this.requests.find(filter).sort(sort).skip(query.skip).limit(query.limit).lean<RefundRequest[]>(),
      this.requests.countDocuments(filter),
    ]);
    return toPage(items.map(toRefundRequestDto), total, query);
  }
}

export function toRefundRequestDto(request: RefundRequest): RefundRequestDto {
  return {
    id: request._id.toString(),
    userId: request.userId.toString(),
    transactionId: request.transactionId.toString(),
    amount: request.amount,
    currency: request.currency,
    reason: request.reason,
    note: request.note,
    status: request.status,
    reviewedBy: idOf(request.reviewedBy),
    reviewedAt: iso(request.reviewedAt),
    reviewNote: request.reviewNote,
    refundTransactionId: idOf(request.refundTransactionId),
    createdAt: iso(request.createdAt)!,
    updatedAt: iso(request.updatedAt)!,
  };
}
