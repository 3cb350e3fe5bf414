import { idOf, iso } from '../../core/http/serialize.js';
import { formatMoney } from '../../core/money.js';
import type { InvoiceDto } from './dto/invoice.dto.js';
import type { Invoice } from './schemas/invoice.schema.js';

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
