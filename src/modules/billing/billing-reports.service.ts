import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type PipelineStage } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { anyOf, compact, within } from '../../core/database/find-page.js';
import type { BillingSummaryDto, PaymentStatisticsDto, StatisticsQueryDto, SummaryRowDto } from './dto/transaction.dto.js';
import type { PaymentStatus } from './payment.lifecycle.js';
import { Transaction } from './schemas/transaction.schema.js';

/** Payments whose money was captured at some point (refunds are counted through refundedAmount). */
const CAPTURED: PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded', 'disputed'];

interface GroupRow {
  _id: { status?: PaymentStatus; currency: string; month?: string };
  count: number;
  amount: number;
  refunded: number;
}

const toRow = (row: GroupRow): SummaryRowDto => ({ ...row._id, count: row.count, amount: row.amount, refunded: row.refunded });

const dateOf = (value: string | undefined) => (value ? new Date(value) : undefined);

/** Totals over transactions; reads only (TransactionsRepository writes them). */
@Injectable()
export class BillingReportsService {
  constructor(
    @InjectModel(Transaction.name) private readonly transactions: Model<Transaction>,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Seed 003's billing summary: totals by status, by currency (captured money) and by month. */
  async summary(ctx: RequestContext, userId: string): Promise<BillingSummaryDto> {
    this.policy.requireOn(ctx, 'billing.summary', { ownerId: userId }, 'user');
    const match = { userId: new Types.ObjectId(userId), type: { $ne: 'refund' } };
    const [byStatus, byCurrency, byMonth] = await Promise.all([
      this.group(match, { status: '$status', currency: '$currency' }),
      this.group({ ...match, status: anyOf(CAPTURED) }, { currency: '$currency' }),
      this.group(match, { month: { $dateToString: { format: '%Y-%m', date: '$createdAt' } }, currency: '$currency' }),
    ]);
    return { userId, byStatus, byCurrency, byMonth: byMonth.sort((a, b) => (a.month! < b.month! ? -1 : 1)) };
  }

  /** Staff statistics over a period: counts, payers, totals by status and captured money by currency. */
  async statistics(ctx: RequestContext, query: StatisticsQueryDto): Promise<PaymentStatisticsDto> {
    this.policy.require(ctx, 'payment.statistics');
    const match = compact({ type: { $ne: 'refund' }, createdAt: within(dateOf(query.from), dateOf(query.to)) });
    const [byStatus, byCurrency, payers] = await Promise.all([
      this.group(match, { status: '$status', currency: '$currency' }),
      this.group({ ...match, status: anyOf(CAPTURED) }, { currency: '$currency' }),
      this.transactions.aggregate<{ payers: number }>([{ $match: match }, { $group: { _id: '$userId' } }, { $count: 'payers' }]),
    ]);
    return { payments: byStatus.reduce((sum, row) => sum + row.count, 0), payers: payers[0]?.payers ?? 0, byStatus, byCurrency };
  }

  private async group(match: Record<string, unknown>, key: Record<string, unknown>): Promise<SummaryRowDto[]> {
    const pipeline: PipelineStage[] = [
      { $match: match },
      { $group: { _id: key, count: { $sum: 1 }, amount: { $sum: '$amount' }, refunded: { $sum: '$refundedAmount' } } },
      { $sort: { _id: 1 } },
    ];
    return (await this.transactions.aggregate<GroupRow>(pipeline)).map(toRow);
  }
}
