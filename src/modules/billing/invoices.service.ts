import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { findPage } from '../../core/database/find-page.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { Sequences } from '../../core/database/sequences.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import { callerId, ownedOr404 } from './billing-context.js';
import { BillingConfig } from './billing.config.js';
import type { InvoiceDto } from './dto/invoice.dto.js';
import { renderInvoiceHtml } from './invoice-html.js';
import { toInvoiceDto } from './invoice.mapper.js';
import { Invoice } from './schemas/invoice.schema.js';
import type { Transaction } from './schemas/transaction.schema.js';
import { TransactionsRepository } from './transactions.repository.js';

/** Tries at taking an invoice number; a number already in use (a counter restored from an older backup) draws the next. */
const NUMBER_ATTEMPTS = 5;

/** `INV-<year>-<000001>`, from one counter per year. */
export const invoiceCounterName = (year: number) => `invoices:${year}`;
const formatNumber = (year: number, value: number) => `INV-${year}-${String(value).padStart(6, '0')}`;

@Injectable()
export class InvoicesService {
  constructor(
    @InjectModel(Invoice.name) private readonly invoices: Model<Invoice>,
    private readonly transactions: TransactionsRepository,
    private readonly sequences: Sequences,
    private readonly policy: PermissionPolicy,
    private readonly config: BillingConfig,
  ) {}

  /**
   * The owed invoice of a succeeded payment: paid, the amount paid as the total (prices include tax),
   * split into subtotal and tax on the server. Once per payment, however often the effect runs.
   */
  async issueForPayment(ctx: RequestContext, transactionId: string): Promise<void> {
    this.policy.require(ctx, 'invoice.issue');
    const payment = await this.transactions.findById(transactionId);
    if (!payment || (await this.invoices.exists({ sourceTransactionId: payment._id }))) return;
    const year = new Date().getUTCFullYear();
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      try {
        await this.invoices.create(this.invoiceOf(payment, formatNumber(year, await this.sequences.next(invoiceCounterName(year)))));
        return;
      } catch (error) {
        // The same payment invoiced twice at once: the unique index keeps one invoice, and that is the goal.
        if (isDuplicateKeyOn(error, ['sourceTransactionId'])) return;
        if (!isDuplicateKeyOn(error, ['number'])) throw error;
      }
    }
    throw new Error(`No free invoice number for ${year} after ${NUMBER_ATTEMPTS} attempts; the counter is behind the invoices.`);
  }

  async listMine(ctx: RequestContext, query: PageQueryDto): Promise<Page<InvoiceDto>> {
    this.policy.require(ctx, 'invoice.list');
    return findPage(this.invoices, { userId: new Types.ObjectId(callerId(ctx)) }, query, toInvoiceDto);
  }

  async get(ctx: RequestContext, id: string): Promise<InvoiceDto> {
    return toInvoiceDto(await this.load(ctx, id));
  }

  async render(ctx: RequestContext, id: string): Promise<{ html: string; number: string }> {
    const invoice = await this.load(ctx, id);
    return { html: renderInvoiceHtml(invoice), number: invoice.number };
  }

  /** The invoice of one of the caller's payments. */
  async forPayment(ctx: RequestContext, paymentId: string): Promise<InvoiceDto> {
    const payment = ownedOr404(this.policy, ctx, 'invoice.read', await this.transactions.findById(paymentId), 'payment');
    const invoice = await this.invoices.findOne({ sourceTransactionId: payment._id }).lean<Invoice>();
    if (!invoice) throw new NotFoundException('This payment has no invoice (it has not succeeded).');
    return toInvoiceDto(invoice);
  }

  private async load(ctx: RequestContext, id: string): Promise<Invoice> {
    return ownedOr404(this.policy, ctx, 'invoice.read', await this.invoices.findById(new Types.ObjectId(id)).lean<Invoice>(), 'invoice');
  }

  private invoiceOf(payment: Transaction, number: string): Partial<Invoice> {
    const rateBps = this.config.BILLING_TAX_RATE_BPS;
    // Prices are tax-inclusive: total = subtotal + tax(subtotal).
    const subtotal = Math.round((payment.amount * 10_000) / (10_000 + rateBps));
    const now = new Date();
    return {
      number,
      userId: payment.userId,
      status: 'paid',
      currency: payment.currency,
      // An empty description names nothing; a line holds at most 300 characters (payments take 500).
      lines: [
        {
          description: (payment.description || `Payment ${payment._id.toString()}`).slice(0, 300),
          quantity: 1,
          unitAmount: subtotal,
          amount: subtotal,
        },
      ],
      subtotal,
      taxRateBps: rateBps,
      tax: payment.amount - subtotal,
      total: payment.amount,
      transactionIds: [payment._id],
      sourceTransactionId: payment._id,
      issuedAt: now,
      paidAt: now,
    };
  }
}
