import { Types, type Model, type PipelineStage, type ProjectionType, type QueryFilter, type Schema, type UpdateQuery } from 'mongoose';
import type { Page } from '../http/pagination.js';
import { findPage, type PageRequest } from './find-page.js';

/** A filter on a tenant-scoped collection: whatever else it says, it names the tenant. */
export type TenantFilter<T> = QueryFilter<T> & { tenantId: Types.ObjectId };

/** The documents a tenant-scoped collection holds: each belongs to exactly one tenant. */
export interface TenantOwned {
  tenantId: Types.ObjectId;
}

/** The query option that lets system work (cleanup jobs, staff lists, cascades) read or write across tenants. */
export const ACROSS_TENANTS = { acrossTenants: true } as const;

type SortOrder = 1 | -1;

/** A tenant id from a route parameter or a document, as the filter needs it. */
export const tenantIdOf = (id: string | Types.ObjectId): Types.ObjectId => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/**
 * The only way services reach a tenant-scoped collection: every method's filter must name the tenant,
 * so a query that forgot it does not compile. Work that truly spans tenants says so by name
 * (`acrossTenants`), which is what a reviewer looks for.
 */
export class TenantScoped<T extends TenantOwned> {
  constructor(readonly model: Model<T>) {}

  find(filter: TenantFilter<T>, projection?: ProjectionType<T>) {
    return this.model.find(filter, projection).lean<T[]>();
  }

  findOne(filter: TenantFilter<T>, projection?: ProjectionType<T>) {
    return this.model.findOne(filter, projection).lean<T>();
  }

  findPage<D>(filter: TenantFilter<T>, page: PageRequest, toDto: (document: T) => D, sort?: Record<string, SortOrder>): Promise<Page<D>> {
    return findPage(this.model, filter, page, toDto, sort);
  }

  count(filter: TenantFilter<T>): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  async exists(filter: TenantFilter<T>): Promise<boolean> {
    return (await this.model.exists(filter)) !== null;
  }

  updateOne(filter: TenantFilter<T>, update: UpdateQuery<T>) {
    return this.model.updateOne(filter, update).exec();
  }

  updateMany(filter: TenantFilter<T>, update: UpdateQuery<T>) {
    return this.model.updateMany(filter, update).exec();
  }

  findOneAndUpdate(filter: TenantFilter<T>, update: UpdateQuery<T>) {
    return this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<T>();
  }

  findOneAndDelete(filter: TenantFilter<T>) {
    return this.model.findOneAndDelete(filter).lean<T>();
  }

  deleteOne(filter: TenantFilter<T>) {
    return this.model.deleteOne(filter).exec();
  }

  deleteMany(filter: TenantFilter<T>) {
    return this.model.deleteMany(filter).exec();
  }

  /** System work across tenants (a user's memberships everywhere, an expiry sweep): named so it stands out. */
  findAcrossTenants(filter: QueryFilter<T>, projection?: ProjectionType<T>) {
    return this.model.find(filter, projection).setOptions(ACROSS_TENANTS).lean<T[]>();
  }

  findPageAcrossTenants<D>(
    filter: QueryFilter<T>,
    page: PageRequest,
    toDto: (document: T) => D,
    sort: Record<string, SortOrder> = { createdAt: -1 },
  ): Promise<Page<D>> {
    const order = { ...sort, _id: sort._id ?? Object.values(sort)[0] ?? -1 };
    return Promise.all([
      this.model
        .find(filter)
        .setOptions(ACROSS_TENANTS)
        .sort(order)
        .skip((page.page - 1) * page.limit)
        .limit(page.limit)
        .lean<T[]>(),
      this.model.countDocuments(filter).setOptions(ACROSS_TENANTS),
    ]).then(([items, total]) => ({ items: items.map(toDto), total, page: page.page, limit: page.limit }));
  }

  updateManyAcrossTenants(filter: QueryFilter<T>, update: UpdateQuery<T>) {
    return this.model.updateMany(filter, update).setOptions(ACROSS_TENANTS).exec();
  }

  deleteManyAcrossTenants(filter: QueryFilter<T>) {
    return this.model.deleteMany(filter).setOptions(ACROSS_TENANTS).exec();
  }
}

export const scoped = <T extends TenantOwned>(model: Model<T>): TenantScoped<T> => new TenantScoped(model);

/** Thrown when a query on a tenant-scoped collection does not name its tenant: a bug, never a client's fault. */
export class UnscopedTenantQueryError extends Error {
  constructor(collection: string, operation: string) {
    super(`${operation} on tenant-scoped ${collection} without a tenantId filter; add one or set { acrossTenants: true }`);
    this.name = 'UnscopedTenantQueryError';
  }
}

const FILTERED_OPERATIONS = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
] as const;

interface ScopedQuery {
  getFilter(): Record<string, unknown>;
  getOptions(): Record<string, unknown>;
  op?: string;
  model: { collection: { collectionName: string } };
}

const namesTenant = (filter: Record<string, unknown> | undefined): boolean =>
  filter !== undefined && filter.tenantId !== undefined && filter.tenantId !== null;

/**
 * The runtime half of the rule, for the queries the types cannot see (a model used directly, a
 * cast): every read, count, update, delete and aggregate on the collection must filter by tenantId,
 * or say `acrossTenants`. A whole-collection count (estimatedDocumentCount) is always refused.
 */
export function tenantScopedPlugin(schema: Schema): void {
  for (const operation of FILTERED_OPERATIONS) {
    schema.pre(operation, function (this: ScopedQuery) {
      if (this.getOptions().acrossTenants === true) return;
      if (!namesTenant(this.getFilter())) throw new UnscopedTenantQueryError(this.model.collection.collectionName, operation);
    });
  }
  schema.pre('estimatedDocumentCount', function (this: ScopedQuery) {
    if (this.getOptions().acrossTenants !== true)
      throw new UnscopedTenantQueryError(this.model.collection.collectionName, 'estimatedDocumentCount');
  });
  schema.pre('aggregate', function (this: { pipeline(): PipelineStage[]; options: Record<string, unknown>; _model?: Model<unknown> }) {
    if (this.options.acrossTenants === true) return;
    const first = this.pipeline()[0] as { $match?: Record<string, unknown> } | undefined;
    if (!namesTenant(first?.$match))
      throw new UnscopedTenantQueryError(this._model?.collection.collectionName ?? 'collection', 'aggregate');
  });
}
