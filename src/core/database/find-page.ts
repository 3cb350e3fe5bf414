import { trusted, Types, type Model, type QueryFilter } from 'mongoose';
import { ValidationProblem } from '../http/problem.js';
import type { Page } from '../http/pagination.js';
import { findLean, findWithTotal } from './lean-reads.js';

export interface PageRequest {
  page: number;
  limit: number;
}

type SortOrder = 1 | -1;

/**
 * The one page query: filter, stable sort (the id breaks ties, so no item shows on two pages),
 * page/limit, and the total, read in parallel.
 */
export async function findPage<T, D>(
  model: Model<T>,
  filter: QueryFilter<T>,
  request: PageRequest,
  toDto: (document: T) => D,
  sort: Record<string, SortOrder> = { createdAt: -1 },
): Promise<Page<D>> {
  const order = { ...sort, _id: sort._id ?? Object.values(sort)[0] ?? -1 };
  const [items, total] = await findWithTotal(model, filter, {
    sort: order,
    skip: (request.page - 1) * request.limit,
    limit: request.limit,
  });
  return { items: items.map(toDto), total, page: request.page, limit: request.limit };
}

type Bound = Date | number | string;

/** `{ $gte: from, $lte: to }` for the bounds given, or undefined when neither is: optional filters stay typed. */
export function within<V extends Bound>(from: V | undefined, to: V | undefined): { $gte?: V; $lte?: V } | undefined {
  if (from === undefined && to === undefined) return undefined;
  const range: { $gte?: V; $lte?: V } = {};
  if (from !== undefined) range.$gte = from;
  if (to !== undefined) range.$lte = to;
  return trusted(range);
}

/** `{ $in: values }`, marked as an intended operator. */
export const anyOf = <V>(values: readonly V[]): { $in: V[] } => trusted({ $in: [...values] });

/** Drops the filters whose value is undefined, so `{ status: query.status }` means "any status" when none was asked. */
export function compact<F extends object>(filter: F): F {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as F;
}

export interface FeedRequest {
  /** The cursor of the last item seen, from the previous answer. */
  after?: string;
  limit: number;
}

export interface Feed<D> {
  items: D[];
  /** Pass as `after` for the next items; null at the end. */
  nextCursor: string | null;
}

interface Keyed {
  _id: Types.ObjectId;
  createdAt: Date;
}

/**
 * Keyset paging for feeds that grow without bound: newest first, each page starts after the last
 * (createdAt, id) seen, so deep pages cost what the first does and new items never shift a page.
 */
export async function findFeed<T extends Keyed, D>(
  model: Model<T>,
  filter: QueryFilter<T>,
  request: FeedRequest,
  toDto: (document: T) => D,
): Promise<Feed<D>> {
  const position = request.after ? decodeCursor(request.after) : undefined;
  const after = position
    ? { $or: [{ createdAt: trusted({ $lt: position.at }) }, { createdAt: position.at, _id: trusted({ $lt: position.id }) }] }
    : {};
  const items = await findLean(model, { ...filter, ...after } as QueryFilter<T>, {
    sort: { createdAt: -1, _id: -1 },
    limit: request.limit + 1,
  });
  const page = items.slice(0, request.limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: items.length > request.limit && last ? encodeCursor(last) : null };
}

export const encodeCursor = (item: Keyed): string =>
  Buffer.from(`${item.createdAt.toISOString()}|${item._id.toString()}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: Types.ObjectId } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !id || !Types.ObjectId.isValid(id) || id.length !== 24)
    throw new ValidationProblem([{ field: 'after', message: 'is not a cursor this list gave out' }]);
  return { at: date, id: new Types.ObjectId(id) };
}
