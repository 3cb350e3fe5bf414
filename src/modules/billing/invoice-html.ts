import { formatMoney } from '../../core/money.js';
import type { Invoice } from './schemas/invoice.schema.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** A self-contained printable HTML invoice; every value from the database is escaped. */
export function renderInvoiceHtml(invoice: Invoice): string {
  const money = (amount: number) => escapeHtml(formatMoney(amount, invoice.currency));
  const rows = invoice.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.description)}</td><td class="n">${line.quantity}</td><td class="n">${money(line.unitAmount)}</td><td class="n">${money(line.amount)}</td></tr>`,
    )
    .join('\n');
  const issued = invoice.issuedAt ? new Date(invoice.issuedAt).toISOString().slice(0, 10) : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invoice ${escapeHtml(invoice.number)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}.n{text-align:right}</style>
</head><body>
<h1>Invoice ${escapeHtml(invoice.number)}</h1>
<p>Status: ${escapeHtml(invoice.status)} · Issued: ${issued}</p>
<table><thead><tr><th>Description</th><th class="n">Qty</th><th class="n">Unit</th><th class="n">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot>
<tr><td colspan="3" class="n">Subtotal</td><td class="n">${money(invoice.subtotal)}</td></tr>
<tr><td colspan="3" class="n">Tax (${(invoice.taxRateBps / 100).toFixed(2)}%)</td><td class="n">${money(invoice.tax)}</td></tr>
<tr><td colspan="3" class="n"><strong>Total</strong></td><td class="n"><strong>${money(invoice.total)}</strong></td></tr>
</tfoot></table>
</body></html>
`;
}
