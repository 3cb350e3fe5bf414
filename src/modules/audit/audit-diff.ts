import { clip } from '../../core/text-length.js';

/** A value as the audit log stores it: plain JSON, whatever the caller handed over. */
export type AuditValue = null | boolean | number | string | AuditValue[] | { [key: string]: AuditValue };
export type AuditSnapshot = Record<string, AuditValue>;

/** What an entry keeps of a change: the changed fields on each side, and their paths. */
export interface AuditChange {
  before?: AuditSnapshot;
  after?: AuditSnapshot;
  /** Dotted paths of the fields that changed (`profile.displayName`), also kept when the values had to be dropped. */
  fields: string[];
  /** Some values were shortened or dropped to keep the entry small. */
  truncated: boolean;
}

export const REDACTED = '[redacted]';

/** Bounds that keep one entry small, whatever document the caller passed. */
export const AUDIT_LIMITS = {
  /** Nesting kept; deeper values become a marker (and a cycle cannot recurse forever). */
  depth: 6,
  stringLength: 500,
  arrayItems: 25,
  objectKeys: 50,
  fields: 100,
  /** The serialized before + after; past it only the changed field paths are kept. */
  bytes: 8_192,
} as const;

/**
 * Keys whose values never reach the log, matched on the key with case and separators removed, at any
 * depth. Substrings, so `passwordHash`, `refresh_token`, `tokenHash`, `clientSecret` and `x-api-key` all match.
 */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'accesskey',
  'signingkey',
  'encryptionkey',
  'sessionkey',
  'credential',
  'authorization',
  'cookie',
  'otp',
  'mfacode',
  'recoverycode',
  'cardnumber',
  'cvc',
  'cvv',
  'securitycode',
  'iban',
  'accountnumber',
  'routingnumber',
  'ssn',
] as const;
/** Whole keys only: as substrings they would hide harmless fields (`span`, `expand`, `hashtag`). */
const SECRET_KEYS = new Set(['pan', 'pin', 'hash', 'salt', 'number', 'cvc2', 'cvv2', 'exp', 'expmonth', 'expyear']);
/** Field names that end like a key but are identifiers, not secrets (a plan's key, an idempotency key). */
const NOT_SECRET_KEYS = new Set(['featurekey', 'plankey', 'idempotencykey', 'dedupekey', 'sortkey', 'searchkeys', 'key']);

export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (NOT_SECRET_KEYS.has(normalized)) return false;
  if (SECRET_KEYS.has(normalized)) return true;
  return SECRET_KEY_PARTS.some((part) => normalized.includes(part)) || /(hash|salt)$/.test(normalized);
}

/** 13 to 19 digits passing the Luhn check: a card number, whatever field it was put in. */
export function looksLikeCardNumber(value: string): boolean {
  if (value.length > 40) return false;
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const DEPTH_MARKER = '[nested]';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns anything a service holds (lean documents, ObjectIds, Dates, Maps, Mongoose documents) into
 * plain JSON, so two snapshots compare by value and the entry stores no driver types.
 */
function normalize(value: unknown, depth: number, seen: WeakSet<object>): AuditValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  if (Buffer.isBuffer(object) || ArrayBuffer.isView(object)) return '[binary]';
  if (typeof (object as { toHexString?: unknown }).toHexString === 'function') return (object as { toHexString(): string }).toHexString();
  if ((object as { _bsontype?: unknown })._bsontype !== undefined) return String(object);
  if (depth >= AUDIT_LIMITS.depth || seen.has(object)) return DEPTH_MARKER;
  seen.add(object);
  try {
    if (typeof (object as { toObject?: unknown }).toObject === 'function')
      return normalize((object as { toObject(): unknown }).toObject(), depth, seen);
    if (Array.isArray(object)) return object.map((item) => normalize(item, depth + 1, seen) ?? null);
    const entries = object instanceof Map ? [...object.entries()] : Object.entries(object);
    const result: Record<string, AuditValue> = {};
    for (const [key, item] of entries) {
      const normalized = normalize(item, depth + 1, seen);
      if (normalized !== undefined) result[String(key)] = normalized;
    }
    return result;
  } finally {
    seen.delete(object);
  }
}

function equal(a: AuditValue | undefined, b: AuditValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => equal(item, b[index]));
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!equal(a[key], b[key])) return false;
  return true;
}

interface Bounding {
  truncated: boolean;
}

/** Redacts secrets at any depth and bounds strings, arrays and keys; notes in `state` when anything was cut. */
function bound(value: AuditValue, state: Bounding): AuditValue {
  if (typeof value === 'string') {
    if (looksLikeCardNumber(value)) return REDACTED;
    const clipped = clip(value, AUDIT_LIMITS.stringLength);
    if (clipped !== value) state.truncated = true;
    return clipped;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.length > AUDIT_LIMITS.arrayItems) state.truncated = true;
    return value.slice(0, AUDIT_LIMITS.arrayItems).map((item) => bound(item, state));
  }
  const result: Record<string, AuditValue> = {};
  const entries = Object.entries(value);
  if (entries.length > AUDIT_LIMITS.objectKeys) state.truncated = true;
  for (const [key, item] of entries.slice(0, AUDIT_LIMITS.objectKeys)) result[key] = isSecretKey(key) ? REDACTED : bound(item, state);
  return result;
}

interface Sides {
  before: Record<string, AuditValue>;
  after: Record<string, AuditValue>;
}

/** Keeps only what differs, descending into objects present on both sides so a nested change shows alone. */
function diffInto(before: Record<string, AuditValue>, after: Record<string, AuditValue>, prefix: string, fields: string[]): Sides {
  const sides: Sides = { before: {}, after: {} };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const is = after[key];
    if (equal(was, is)) continue;
    const path = `${prefix}${key}`;
    if (isPlainObject(was) && isPlainObject(is) && !isSecretKey(key)) {
      const nested = diffInto(was, is, `${path}.`, fields);
      sides.before[key] = nested.before;
      sides.after[key] = nested.after;
      continue;
    }
    fields.push(path);
    if (was !== undefined) sides.before[key] = was;
    if (is !== undefined) sides.after[key] = is;
  }
  return sides;
}

/** Bookkeeping a whole document carries that says nothing about the action: its clock, version and owed effects. */
const BOOKKEEPING_FIELDS = ['updatedAt', '__v', 'effects'];

const snapshotOf = (value: object | undefined): Record<string, AuditValue> | undefined => {
  if (value === undefined) return undefined;
  const normalized = normalize(value, 0, new WeakSet());
  if (!isPlainObject(normalized)) return {};
  for (const field of BOOKKEEPING_FIELDS) delete normalized[field];
  return normalized;
};

/**
 * The change an entry records: only the fields that differ between `before` and `after` (all of
 * them for a creation or a removal), secrets redacted at any depth, and bounded in size so a huge
 * document cannot bloat the log. Secrets are compared before redaction: a changed password shows as
 * changed, with its value redacted on both sides.
 */
export function auditDiff(before?: object, after?: object): AuditChange {
  const was = snapshotOf(before);
  const is = snapshotOf(after);
  if (was === undefined && is === undefined) return { fields: [], truncated: false };
  const fields: string[] = [];
  const sides = diffInto(was ?? {}, is ?? {}, '', fields);
  const state: Bounding = { truncated: fields.length > AUDIT_LIMITS.fields };
  const change: AuditChange = { fields: fields.slice(0, AUDIT_LIMITS.fields), truncated: false };
  if (was !== undefined) change.before = bound(sides.before, state) as AuditSnapshot;
  if (is !== undefined) change.after = bound(sides.after, state) as AuditSnapshot;
  change.truncated = state.truncated;
  if (Buffer.byteLength(JSON.stringify([change.before, change.after])) > AUDIT_LIMITS.bytes)
    return { fields: change.fields, truncated: true };
  return change;
}
