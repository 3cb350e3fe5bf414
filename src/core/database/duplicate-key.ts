import type { Model } from 'mongoose';

/** A write refused by a unique index (E11000). */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | undefined)?.code === 11000;

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
