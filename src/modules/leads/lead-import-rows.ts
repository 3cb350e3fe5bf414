import { parse } from 'csv-parse/sync';
import { ValidationProblem } from '../../core/http/problem.js';
import { isTimezone, normalizePhone, type CountryCode } from '../../core/phone/index.js';
import { MAX_EXTERNAL_ID_CHARS, MAX_LEAD_TAGS, MAX_NAME_CHARS, MAX_NOTES_CHARS, MAX_TAG_CHARS } from './schemas/lead.schema.js';
import { fitsLength } from '../../core/text-length.js';

/** One row of an import, as the file spells it (every field a string, or tags a list in JSON). */
export type LeadImportRow = Record<string, unknown>;

/** A row that passed: its fields as they will be stored. */
export interface ImportCandidate {
  line: number;
  name: string;
  phone: string;
  phoneCountry?: string;
  email?: string;
  tags?: string[];
  timezone?: string;
  notes?: string;
  externalId?: string;
}

export interface ImportReject {
  line: number;
  field: string;
  reason: string;
}

export type RowVerdict = { ok: true; candidate: ImportCandidate } | { ok: false; reject: ImportReject };

/** Column names as files write them, folded to the field they fill. */
const COLUMN_ALIASES: Record<string, string> = {
  name: 'name',
  fullname: 'name',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  number: 'phone',
  email: 'email',
  emailaddress: 'email',
  tags: 'tags',
  timezone: 'timezone',
  tz: 'timezone',
  notes: 'notes',
  externalid: 'externalId',
  id: 'externalId',
  country: 'country',
  phonecountry: 'country',
};

export const columnOf = (header: string): string => {
  const folded = header.toLowerCase().replace(/[^a-z]/g, '');
  return COLUMN_ALIASES[folded] ?? `_${folded}`;
};

// Deliberately loose: the shape people mean by an address (one @, a dotted domain), not RFC 5322.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const COUNTRY = /^[A-Z]{2}$/;

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Judges one row: the first field it gets wrong is its reason; a good row comes out in its stored spelling. */
export function judgeRow(row: LeadImportRow, line: number, defaultCountry?: string): RowVerdict {
  const reject = (field: string, reason: string): RowVerdict => ({ ok: false, reject: { line, field, reason } });
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return reject('row', 'is not an object');

  const name = text(row.name);
  if (!name) return reject('name', 'is required');
  if (!fitsLength(name, MAX_NAME_CHARS)) return reject('name', `is longer than ${MAX_NAME_CHARS} characters`);

  const country = text(row.country)?.toUpperCase() ?? defaultCountry;
  if (country !== undefined && !COUNTRY.test(country)) return reject('country', 'is not a two-letter country code');
  const rawPhone = text(row.phone);
  if (!rawPhone) return reject('phone', 'is required');
  const phone = normalizePhone(rawPhone, country as CountryCode | undefined);
  if (!phone) return reject('phone', 'is not a valid phone number');

  let email: string | undefined;
  if (!isBlank(row.email)) {
    email = text(row.email)?.toLowerCase();
    if (!email || email.length > 254 || !EMAIL.test(email)) return reject('email', 'is not an email address');
  }

  let tags: string[] | undefined;
  if (!isBlank(row.tags)) {
    const list = Array.isArray(row.tags) ? row.tags : typeof row.tags === 'string' ? row.tags.split(/[;|]/) : undefined;
    if (!list || list.some((tag) => typeof tag !== 'string')) return reject('tags', 'is not a list of words');
    tags = [...new Set((list as string[]).map((tag) => tag.trim()).filter(Boolean))];
    if (tags.length > MAX_LEAD_TAGS) return reject('tags', `has more than ${MAX_LEAD_TAGS} tags`);
    if (tags.some((tag) => !fitsLength(tag, MAX_TAG_CHARS))) return reject('tags', `has a tag longer than ${MAX_TAG_CHARS} characters`);
  }

  const timezone = text(row.timezone);
  if (timezone !== undefined && !isTimezone(timezone)) return reject('timezone', 'is not an IANA timezone');

  const notes = text(row.notes);
  if (notes !== undefined && !fitsLength(notes, MAX_NOTES_CHARS)) return reject('notes', `is longer than ${MAX_NOTES_CHARS} characters`);
  const externalId = text(row.externalId);
  if (externalId !== undefined && !fitsLength(externalId, MAX_EXTERNAL_ID_CHARS))
    return reject('externalId', `is longer than ${MAX_EXTERNAL_ID_CHARS} characters`);

  return {
    ok: true,
    candidate: { line, name, phone: phone.e164, phoneCountry: phone.country, email, tags, timezone, notes, externalId },
  };
}

export interface ParsedRows {
  rows: { row: LeadImportRow; line: number }[];
}

/**
 * Reads CSV text into rows with their line numbers (the header is line 1). A file that cannot be read as CSV
 * at all (an unclosed quote) or lacks the name or phone column is refused whole: no row of it can be judged.
 */
export function parseCsvRows(csv: string): ParsedRows {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map(columnOf),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
      info: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'cannot be read';
    throw new ValidationProblem([{ field: 'csv', message: `is not readable CSV: ${reason}` }]);
  }
  const header = firstLine(csv);
  const columns = header.split(',').map((column) =>
    columnOf(
      column
        .replace(/^\uFEFF/, '')
        .replace(/"/g, '')
        .trim(),
    ),
  );
  for (const required of ['name', 'phone'])
    if (!columns.includes(required))
      throw new ValidationProblem([{ field: 'csv', message: `has no ${required} column in its header line` }]);
  return { rows: records.map(({ record, info }) => ({ row: record, line: info.lines })) };
}

const firstLine = (csv: string) => {
  const end = csv.search(/\r?\n/);
  return end === -1 ? csv : csv.slice(0, end);
};
