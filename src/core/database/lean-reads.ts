import mongoose, { type Model, type QueryFilter, type Schema } from 'mongoose';
import castFilter from 'mongoose/lib/cast.js';
import { isObjectLiteral } from './object-literal.js';
import { onModel, traceDriverCall } from './operation-tracing.js';

type Filter = Record<string, unknown>;
type Operation = 'find' | 'findOne' | 'countDocuments';
export type Projection = Record<string, 0 | 1>;

export interface ListOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

interface SchemaPlan {
  /** The schema's `select: false` paths, left out unless a projection names what it wants. */
  hidden: Projection;
  /** Operations that keep Mongoose's query: their middleware must run, or a subdocument hides a path. */
  viaMongoose: Set<Operation>;
}

const plans = new WeakMap<Schema, SchemaPlan>();
const OPERATIONS: Operation[] = ['find', 'findOne', 'countDocuments'];

interface Hooks {
  _pres: Map<string, unknown[]>;
  _posts: Map<string, unknown[]>;
}

function planOf(schema: Schema): SchemaPlan {
  let plan = plans.get(schema);
  if (plan) return plan;
  const hidden: Projection = {};
  let nestedHidden = false;
  schema.eachPath((path, type) => {
    if ((type.options as { select?: boolean } | undefined)?.select === false) hidden[path] = 0;
    const child = (type as { schema?: Schema }).schema;
    if (child) child.eachPath((_, inner) => (nestedHidden ||= (inner.options as { select?: boolean } | undefined)?.select === false));
  });
  const hooks = (schema as unknown as { s?: { hooks?: Partial<Hooks> } }).s?.hooks;
  // Read from Mongoose's hook registry; should its shape ever change, every read keeps Mongoose's query.
  const known = hooks?._pres instanceof Map && hooks._posts instanceof Map;
  const hooked = (operation: Operation) =>
    !known || (hooks._pres!.get(operation)?.length ?? 0) + (hooks._posts!.get(operation)?.length ?? 0) > 0;
  plan = { hidden, viaMongoose: new Set(OPERATIONS.filter((operation) => nestedHidden || hooked(operation))) };
  plans.set(schema, plan);
  return plan;
}

/** A copy of the filter's own objects and arrays (values such as ids and dates are shared), with `trusted()` marks. */
function copyFilter(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyFilter);
  if (!isObjectLiteral(value)) return value;
  const copy: Record<string | symbol, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyFilter(value[key]);
  for (const mark of Object.getOwnPropertySymbols(value)) copy[mark] = (value as Record<symbol, unknown>)[mark];
  return copy;
}

/**
 * The filter as a Mongoose query would send it: sanitized (operators only where `trusted()`), then cast by
 * Mongoose's own caster against the schema (ids, dates and numbers; paths outside the schema dropped, as
 * strictQuery asks). The caller's filter is left as it was.
 */
function castFor<T>(model: Model<T>, filter: QueryFilter<T>): Filter {
  const copy = copyFilter(filter) as Filter;
  const sanitize = Boolean(model.base.get('sanitizeFilter'));
  if (sanitize) mongoose.sanitizeFilter(copy);
  // The context is what the caster reads of a query: the collection, for the connection's strictQuery.
  return castFilter(model.schema, copy, { sanitizeFilter: sanitize }, { mongooseCollection: model.collection });
}

function projectionFor(plan: SchemaPlan, projection: Projection | undefined): Projection | undefined {
  // An inclusive projection names its paths, so hidden ones are out already (and may not be mixed in).
  if (projection && Object.values(projection).some((value) => value === 1)) return projection;
  const merged = { ...plan.hidden, ...projection };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/*
 * Lean reads through the driver. A Mongoose query costs up to about 40 µs of CPU per read under load before
 * the driver runs (building the query and its options, and on a model with a `select: false` path a walk of
 * the whole schema on every query); these run the same sanitizing and casting, then the driver alone. The
 * answer is what `.lean()` answers. An operation with query middleware on its model (the tenant scope's
 * guard) goes through Mongoose, so the middleware still runs.
 */

/** `model.findOne(filter, projection).lean()`. */
export async function findOneLean<T>(model: Model<T>, filter: QueryFilter<T>, projection?: Projection): Promise<T | null> {
  const plan = planOf(model.schema);
  if (plan.viaMongoose.has('findOne')) return (await model.findOne(filter, projection).lean<T>()) as T | null;
  const query = castFor(model, filter);
  const options = { projection: projectionFor(plan, projection) };
  return (await traceDriverCall(onModel(model, 'findOne'), () => model.collection.findOne(query, options))) as T | null;
}

/** `model.find(filter, projection).sort(sort).skip(skip).limit(limit).lean()`. */
export async function findLean<T>(model: Model<T>, filter: QueryFilter<T>, options: ListOptions = {}): Promise<T[]> {
  const plan = planOf(model.schema);
  if (plan.viaMongoose.has('find')) return findViaMongoose(model, filter, options);
  return findCast(model, plan, castFor(model, filter), options);
}

/** `model.countDocuments(filter)`. */
export async function countLean<T>(model: Model<T>, filter: QueryFilter<T>): Promise<number> {
  if (planOf(model.schema).viaMongoose.has('countDocuments')) return model.countDocuments(filter);
  return countCast(model, castFor(model, filter));
}

/** A page and the total it is taken from, in parallel, the filter cast once for both. */
export async function findWithTotal<T>(model: Model<T>, filter: QueryFilter<T>, options: ListOptions): Promise<[T[], number]> {
  const plan = planOf(model.schema);
  if (plan.viaMongoose.has('find') || plan.viaMongoose.has('countDocuments')) {
    return Promise.all([findLean(model, filter, options), countLean(model, filter)]);
  }
  const query = castFor(model, filter);
  return Promise.all([findCast(model, plan, query, options), countCast(model, query)]);
}

function findViaMongoose<T>(model: Model<T>, filter: QueryFilter<T>, { sort, skip, limit, projection }: ListOptions): Promise<T[]> {
  const query = model.find(filter, projection);
  if (sort) query.sort(sort);
  if (skip) query.skip(skip);
  if (limit !== undefined) query.limit(limit);
  return query.lean<T[]>() as Promise<T[]>;
}

async function findCast<T>(model: Model<T>, plan: SchemaPlan, query: Filter, { sort, skip, limit, projection }: ListOptions): Promise<T[]> {
  const found = { projection: projectionFor(plan, projection), sort, skip, limit };
  return (await traceDriverCall(onModel(model, 'find'), () => model.collection.find(query, found).toArray())) as T[];
}

function countCast<T>(model: Model<T>, query: Filter): Promise<number> {
  return traceDriverCall(onModel(model, 'countDocuments'), () => model.collection.countDocuments(query));
}
