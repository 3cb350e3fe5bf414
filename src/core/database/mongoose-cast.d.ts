// Mongoose's filter caster: every query runs it on its conditions; the package does not re-export it.
declare module 'mongoose/lib/cast.js' {
  import type { Schema } from 'mongoose';

  interface CastOptions {
    strictQuery?: boolean | 'throw';
    sanitizeFilter?: boolean;
  }

  /** Casts a filter against the schema in place (ids, dates, numbers, operators) and answers it. */
  export default function cast(
    schema: Schema,
    filter: Record<string, unknown>,
    options: CastOptions,
    context?: unknown,
  ): Record<string, unknown>;
}

// Mongoose's path reader: `Model.validate` reads every path's value with it (null answers the default).
declare module 'mongoose/lib/helpers/get.js' {
  export default function get(obj: unknown, path: string, fallback?: unknown): unknown;
}
