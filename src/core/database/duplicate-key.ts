import type { Model } from 'mongoose';

/** A write refused by a unique index (E11000). */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | undefined)?.code === 11000;

interface DuplicateKeyDetails {
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
  errmsg?: string;
  message?: string;
}

const INDEX_DIRECTION = /(?:^|_)(.+?)_(?:-?1|text|2dsphere|2d|hashed)(?=_|$)/g;

/**
 * The fields of the unique index a write collided on, or undefined when it was no duplicate-key
 * error. MongoDB names them in `keyPattern`; servers that only send the message (the test
 * stand-in) name them in its `dup key: { … }` part and in the index name.
 */
export function duplicateKeyFields(error: unknown): string[] | undefined {
  if (!isDuplicateKey(error)) return undefined;
  const details = error as DuplicateKeyDetails;
  const pattern = details.keyPattern ?? details.keyValue;
  if (pattern && Object.keys(pattern).length > 0) return Object.keys(pattern);
  const message = details.errmsg ?? details.message ?? '';
  const dupKey = /dup key: \{ (.*) \}\s*$/.exec(message)?.[1];
  if (dupKey) {
    // Quoted values may hold anything, even ", x: "; only what lies outside them names fields.
    const unquoted = dupKey.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const fields = [...unquoted.matchAll(/(?:^|, )([\w.$]+): /g)].map((match) => match[1]);
    if (fields.length > 0) return fields;
  }
  const index = /index: (\S+)/.exec(message)?.[1];
  return index ? [...index.matchAll(INDEX_DIRECTION)].map((match) => match[1]) : [];
}

/** A duplicate-key error on exactly this unique index (its fields in any order); any other collision is not it. */
export function isDuplicateKeyOn(error: unknown, fields: readonly string[]): boolean {
  const collided = duplicateKeyFields(error);
  return collided !== undefined && collided.length === fields.length && fields.every((field) => collided.includes(field));
}

interface BulkWriteFailure {
  code?: number;
  insertedDocs?: unknown[];
  writeErrors?: { code?: number; err?: { code?: number } }[];
}

/**
 * Bulk insert where documents already present (by a unique key) are skipped rather than errors;
 * answers how many were new. Any other failure is thrown.
 */
export async function insertManySkippingDuplicates<T>(
  model: Model<T>,
  documents: unknown[],
  options: { timestamps?: boolean } = {},
): Promise<number> {
  if (documents.length === 0) return 0;
  try {
    return (await model.insertMany(documents, { ordered: false, ...options })).length;
  } catch (error) {
    const bulk = error as BulkWriteFailure;
    const errors = bulk.writeErrors ?? [{ code: bulk.code }];
    if (!errors.every((writeError) => (writeError.code ?? writeError.err?.code) === 11000)) throw error;
    return bulk.insertedDocs?.length ?? 0;
  }
}
