import type { Schema } from 'mongoose';

/** The option only the retention purge passes: the one delete the log allows. */
export const RETENTION_PURGE = { auditRetentionPurge: true } as const;

/** Thrown for any attempt to change or remove an audit entry outside the retention purge: a bug, never a client's fault. */
export class AppendOnlyViolation extends Error {
  constructor(operation: string) {
    super(`${operation} on the append-only audit log is refused; entries are only ever inserted (and purged after retention)`);
    this.name = 'AppendOnlyViolation';
  }
}

const UPDATES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'] as const;
const DELETES = ['deleteOne', 'deleteMany', 'findOneAndDelete'] as const;

interface GuardedQuery {
  getOptions(): Record<string, unknown>;
  getFilter(): Record<string, unknown>;
}

/** The purge deletes by age: its filter must bound createdAt from above, so the option alone cannot empty the log. */
const isRetentionPurge = (query: GuardedQuery): boolean => {
  if (query.getOptions().auditRetentionPurge !== true) return false;
  const createdAt = query.getFilter().createdAt as { $lt?: unknown } | undefined;
  return createdAt?.$lt instanceof Date;
};

/**
 * Makes a collection append-only at the application's door: every update, replace and delete,
 * through a query, a document or a bulk write, throws. Deletes pass only with RETENTION_PURGE and an
 * age bound. (The database user the application runs as can be limited to insert and find on the
 * collection for the same guarantee below the application.)
 */
export function refuseChanges(schema: Schema): void {
  for (const operation of UPDATES)
    schema.pre(operation, function () {
      throw new AppendOnlyViolation(operation);
    });
  for (const operation of DELETES)
    schema.pre(operation, { query: true, document: false }, function (this: GuardedQuery) {
      if (!isRetentionPurge(this)) throw new AppendOnlyViolation(operation);
    });
  schema.pre('deleteOne', { document: true, query: false }, function () {
    throw new AppendOnlyViolation('deleteOne');
  });
  schema.pre('updateOne', { document: true, query: false }, function () {
    throw new AppendOnlyViolation('updateOne');
  });
  schema.pre('save', function (this: { isNew: boolean }) {
    if (!this.isNew) throw new AppendOnlyViolation('save');
  });
  schema.pre('bulkWrite', function (this: unknown, ...args: unknown[]) {
    const operations = args.find(Array.isArray) as Record<string, unknown>[] | undefined;
    const changing = operations?.find((operation) => Object.keys(operation).some((kind) => kind !== 'insertOne'));
    if (changing) throw new AppendOnlyViolation(Object.keys(changing)[0] ?? 'bulkWrite');
  });
}
