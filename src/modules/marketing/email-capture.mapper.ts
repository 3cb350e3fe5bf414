import { iso } from '../../core/http/serialize.js';
import type { EmailCaptureDto } from './dto/email-capture.dto.js';
import type { EmailCapture } from './schemas/email-capture.schema.js';

export const CSV_HEADER = 'email,source,status,created_at,confirmed_at,unsubscribed_at\n';

export function toEmailCaptureDto(capture: EmailCapture): EmailCaptureDto {
  return {
    id: capture._id.toString(),
    email: capture.email,
    source: capture.source,
    status: capture.status,
    confirmedAt: iso(capture.confirmedAt),
    unsubscribedAt: iso(capture.unsubscribedAt),
    createdAt: iso(capture.createdAt)!,
    updatedAt: iso(capture.updatedAt)!,
  };
}

export function toCsvRow(capture: EmailCapture): string {
  const cells = [
    capture.email,
    capture.source,
    capture.status,
    iso(capture.createdAt) ?? '',
    iso(capture.confirmedAt) ?? '',
    iso(capture.unsubscribedAt) ?? '',
  ];
  return cells.map(csvCell).join(',') + '\n';
}

/** Quotes a CSV cell, and defuses spreadsheet formulas (=, +, -, @ at the start). */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
