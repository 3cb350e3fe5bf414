import type { Types } from 'mongoose';

/** Dates leave the API as UTC ISO 8601 strings. */
export const iso = (date: Date | string | undefined): string | undefined =>
  date instanceof Date ? date.toISOString() : date ? new Date(date).toISOString() : undefined;

/** Ids leave the API as 24-hex strings. */
export const idOf = (value: Types.ObjectId | undefined): string | undefined => value?.toString();
