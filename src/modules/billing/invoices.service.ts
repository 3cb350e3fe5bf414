import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { assertMayAccess } from '../../core/auth/ownership.js';
import type { Actor } from '../../core/auth/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { toPage, type Page, type PageQueryDto } from '../../core/http/pagination.js';
import { idOf, iso } from '../../core/http/serialize.js';
import type { InvoiceDto } from './dto/invoice.dto.js';
import { renderInvoiceHtml } from './invoice-html.js';
import { formatMoney } from '../../core/money.js';
import { Invoice } from './schemas/invoice.schema.js';
import { InvoiceCounter } from './schemas/invoice-counter.schema.js';
import type { Transaction } from './schemas/transaction.schema.js';

/** Tries at taking an invoice number; each collision first moves the counter past the numbers in use. */
const NUMBER_ATTEMPTS = 3;

@Injectable()
export class InvoicesService {
  constructor(
    @InjectModel(Invoice.name) private readonly invoices: Model<Invoice>,
    @InjectModel(InvoiceCounter.name) private readonly counters: Model<InvoiceCounter>,
    private readonly config: AppConfig,
  ) {}

  /**
   * A paid invoice for a succeeded payment, once: the amount paid is the total, tax included,
   * split into subtotal and tax on the server.
   */
  async issueForPayment(payment: Transaction): Promise<void> {
    if (await this.invoices.exists({ sourceTransactionId: payment._id })) return;
    const rateBps = this.config.get('BILLING_TAX_RATE_BPS');
    // Prices are tax-inclusive: total = subtotal + tax(subtotal).
    const subtotal = Math.round((payment.amount * 10_000) / (10_000 + rateBps));
    const tax = payment.amount - subtotal;
    const now = new Date();
    const year = now.getUTCFullYear();
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      try {
        await this.invoices.create({
          number: await this.nextNumber(year),
          userId: payment.userId,
          status: 'paid',
          currency: payment.currency,
          lines: [
            {
              description: payment.description ?? `Payment ${payment._id.toString()}`,
              quantity: 1,
              unitAmount: subtotal,
              amount: subtotal,
            },
          ],
          subtotal,
          taxRateBps: rateBps,
          tax,
          total: payment.amount,
          transactionIds: [payment._id],
          sourceTransactionId: payment._id,
          issuedAt: now,
          paidAt: now,
        });
        return;
      } catch (error) {
        // The same payment confirmed twice at once: the unique index keeps one invoice, and that is the goal.
        if (isDuplicateKeyOn(error, ['sourceTransactionId'])) return;
        if (!isDuplicateKeyOn(error, ['number'])) throw error;
        // The counter is behind the invoices (restored, imported): move it past the highest number in use, then retry.
        await this.catchUpCounter(year);
      }
    }
    throw new Error(`No free invoice number for ${year} after ${NUMBER_ATTEMPTS} attempts.`);
  }

  /** `INV-<year>-<000001>`: one atomic increment per invoice, so numbers are distinct and consecutive. */
  private async nextNumber(year: number): Promise<string> {
    const counter = await this.counters
      .findOneAndUpdate({ year }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<InvoiceCounter>();
    return `INV-${year}-${String(counter!.last).padStart(6, '0')}`;
  }

  private async catchUpCounter(year: number): Promise<void> {
    const prefix = `INV-${year}-`;
    // Zero-padded numbers sort as text; the range walks the unique index on number.
    const highest = await this.invoices
      .findOne({ number: trusted({ $gte: prefix, $lt: `INV-${year}.` }) }, { number: 1 })
      .sort({ number: -1 })
      .lean<Pick<Invoice, 'number'>>();
    const last = Number(highest?.number.slice(prefix.length));
    if (Number.isSafeInteger(last)) await this.counters.updateOne({ year }, { $max: { last } }, { upsert: true });
  }

  async listMine(actor: Actor, query: PageQueryDto): Promise<Page<InvoiceDto>> {
    const filter = { userId: new Types.ObjectId(actor.id) };
    const [items, total] = await Promise.all([
      this.invoices.find(filter).sort({ createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<Invoice[]>(),
      this.invoices.countDocuments(filter),
    ]);
    return toPage(items.map(toInvoiceDto), total, query);
  }

  async get(actor: Actor, id: string): Promise<InvoiceDto> {
    return toInvoiceDto(await this.findFor(actor, id));
  }

  async render(actor: Actor, id: string): Promise<{ html: string; number: string }> {
    const invoice = await this.findFor(actor, id);
    return { html: renderInvoiceHtml(invoice), number: invoice.number };
  }

  async forPayment(payment: Transaction): Promise<InvoiceDto> {
    const invoice = await this.invoices.findOne({ sourceTransactionId: payment._id }).lean<Invoice>();
    if (!invoice) throw new NotFoundException('This payment has no invoice (it has not succeeded).');
    return toInvoiceDto(invoice);
  }

  private async findFor(actor: Actor, id: string): Promise<Invoice> {
    const invoice = await this.invoices.findById(new Types.ObjectId(id)).lean<Invoice>();
    if (!invoice) throw new NotFoundException('No such invoice.');
    assertMayAccess(actor, invoice.userId);
    return invoice;
  }
}

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  return {
    id: invoice._id.toString(),
    number: invoice.number,
    userId: invoice.userId.toString(),
    status: invoice.status,
    currency: invoice.currency,
    lines: invoice.lines.map(({ description, quantity, unitAmount, amount }) => ({ description, quantity, unitAmount, amount })),
    subtotal: invoice.subtotal,
    taxRateBps: invoice.taxRateBps,
    tax: invoice.tax,
    total: invoice.total,
    totalFormatted: formatMoney(invoice.total, invoice.currency),
    transactionIds: invoice.transactionIds.map((id) => idOf(id)!),
    issuedAt: iso(invoice.issuedAt),
    paidAt: iso(invoice.paidAt),
    createdAt: iso(invoice.createdAt)!,
    updatedAt: iso(invoice.updatedAt)!,
  };
}
