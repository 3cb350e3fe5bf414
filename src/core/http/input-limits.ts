import type { FieldError } from './problem.js';
import { clip } from '../text-length.js';

/**
 * Bounds on the shape of a parsed body or query string, checked before validation. A body under
 * BODY_LIMIT_BYTES can still hold ~100,000 keys, and validating (and listing) each unknown key costs
 * seconds of CPU that every other request waits for. The bounds sit well above any real request
 * (the largest DTO has ~20 fields, the longest list 1,000 ids, Stripe events ~100 fields per object).
 */
export const INPUT_LIMITS = {
  /** Levels of nesting (objects and arrays). */
  depth: 32,
  /** Fields in one object. */
  keysPerObject: 200,
  /** Fields across the whole input. */
  keys: 5_000,
  /** Items in one array. */
  arrayLength: 1_000,
  /** Values of any kind across the whole input. */
  values: 10_000,
  /** Characters in one field name. */
  keyLength: 256,
  /** Parameters (counting repeats) in a query string or form body; parsing them is what costs. */
  parameters: 100,
} as const;

export type InputLimit = keyof typeof INPUT_LIMITS;

export interface LimitBreach {
  limit: InputLimit;
  max: number;
  /** Where the walk stopped, e.g. `body.items[3]`. */
  field: string;
}

export interface InputScan {
  breach?: LimitBreach;
  /** Field names holding NUL or other control characters, which the database cannot store as keys. */
  controlKeys: FieldError[];
}

// C0 controls and DEL: NUL is illegal in a BSON key, the others have no business in a field name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const MAX_FIELD_CHARS = 200;

/** A field path fit for an error answer: control characters shown as U+FFFD, long paths clipped. */
export const printableField = (path: string): string => {
  const clean = path.replace(CONTROL_ALL, '\uFFFD');
  return clip(clean, MAX_FIELD_CHARS);
};

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * Walks the input once, iteratively (no recursion to overflow), stopping at the first bound
 * exceeded. Collection sizes are checked before their items are visited, so the work done on a
 * hostile input is bounded by the limits, not by its size.
 */
export function scanInput(input: unknown, root: string): InputScan {
  const scan: InputScan = { controlKeys: [] };
  const breach = (limit: InputLimit, field: string): InputScan => ({
    ...scan,
    breach: { limit, max: INPUT_LIMITS[limit], field: printableField(field) },
  });
  const stack: Pending[] = [{ value: input, path: root, depth: 0 }];
  let keys = 0;
  let values = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++values > INPUT_LIMITS.values) return breach('values', path);
    // Primitives, and raw bytes a parser may hand over (their size is the body limit's business).
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    if (depth >= INPUT_LIMITS.depth) return breach('depth', path);
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.arrayLength) return breach('arrayLength', path);
      for (let index = value.length - 1; index >= 0; index--)
        stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      continue;
    }
    const names = Object.keys(value);
    if (names.length > INPUT_LIMITS.keysPerObject) return breach('keysPerObject', path);
    keys += names.length;
    if (keys > INPUT_LIMITS.keys) return breach('keys', path);
    for (let index = names.length - 1; index >= 0; index--) {
      const name = names[index];
      if (name.length > INPUT_LIMITS.keyLength) return breach('keyLength', `${path}.${name.slice(0, 32)}`);
      const field = `${path}.${name}`;
      if (CONTROL.test(name)) {
        scan.controlKeys.push({ field: printableField(field), message: 'is not an allowed field name (control character)' });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[name], path: field, depth: depth + 1 });
    }
  }
  return scan;
}

/** Parameters in a parsed query string, a repeated name counting once per value. */
export function countQueryParameters(query: unknown): number {
  if (query === null || typeof query !== 'object') return 0;
  let count = 0;
  for (const value of Object.values(query)) count += Array.isArray(value) ? Math.max(value.length, 1) : 1;
  return count;
}
