import { describe, expect, it } from 'vitest';
import { Schema, Types, type Model } from 'mongoose';
import { scoped, tenantScopedPlugin, UnscopedTenantQueryError, type TenantFilter } from './tenant-scoped.js';

interface Lead {
  tenantId: Types.ObjectId;
  name: string;
}

/** Type-level half of the rule (`tsc --noEmit` checks this file): an unscoped filter does not compile. */
function typeChecks(leads: Model<Lead>): void {
  const repository = scoped(leads);
  const tenantId = new Types.ObjectId();
  void repository.find({ tenantId, name: 'Ada' });
  // @ts-expect-error a filter on a tenant-scoped collection must name its tenant
  void repository.find({ name: 'Ada' });
  // @ts-expect-error deleting without a tenant is refused by type as well
  void repository.deleteMany({});
  // @ts-expect-error the tenant id is an ObjectId, not whatever string a route gave
  const loose: TenantFilter<Lead> = { tenantId: 'not-an-id' };
  void loose;
  void repository.findAcrossTenants({ name: 'Ada' });
}
void typeChecks;

type Hook = (this: unknown) => void;

/** The hooks the plugin adds, by operation, run against fake queries (no database). */
function hooksOf(): Map<string, Hook[]> {
  const schema = new Schema({ tenantId: Schema.Types.ObjectId, name: String });
  tenantScopedPlugin(schema);
  const hooks = new Map<string, Hook[]>();
  const queue = (schema as unknown as { s: { hooks: { _pres: Map<string, { fn: Hook }[]> } } }).s.hooks._pres;
  for (const [name, entries] of queue)
    hooks.set(
      name,
      entries.map((entry) => entry.fn),
    );
  return hooks;
}

const query = (filter: Record<string, unknown>, options: Record<string, unknown> = {}) => ({
  getFilter: () => filter,
  getOptions: () => options,
  model: { collection: { collectionName: 'leads' } },
});

const run = (hooks: Map<string, Hook[]>, operation: string, self: unknown) => {
  for (const hook of hooks.get(operation) ?? []) hook.call(self);
};

describe('tenantScopedPlugin', () => {
  const hooks = hooksOf();

  it('guards every filtered operation', () => {
    for (const operation of [
      'find',
      'findOne',
      'countDocuments',
      'updateOne',
      'updateMany',
      'deleteOne',
      'deleteMany',
      'findOneAndUpdate',
      'aggregate',
    ])
      expect(hooks.get(operation)?.length, operation).toBeGreaterThan(0);
  });

  it('refuses a query whose filter lacks tenantId, and one with tenantId undefined', () => {
    expect(() => run(hooks, 'find', query({ name: 'Ada' }))).toThrow(UnscopedTenantQueryError);
    expect(() => run(hooks, 'deleteMany', query({}))).toThrow(/deleteMany on tenant-scoped leads/);
    expect(() => run(hooks, 'updateOne', query({ tenantId: undefined, name: 'Ada' }))).toThrow(UnscopedTenantQueryError);
  });

  it('lets a tenant-filtered query through, and system work that says acrossTenants', () => {
    expect(() => run(hooks, 'find', query({ tenantId: new Types.ObjectId() }))).not.toThrow();
    expect(() => run(hooks, 'deleteMany', query({ name: 'Ada' }, { acrossTenants: true }))).not.toThrow();
  });

  it('checks an aggregate’s first stage', () => {
    const aggregate = (pipeline: object[], options: Record<string, unknown> = {}) => ({ pipeline: () => pipeline, options });
    expect(() => run(hooks, 'aggregate', aggregate([{ $group: { _id: '$name' } }]))).toThrow(UnscopedTenantQueryError);
    expect(() => run(hooks, 'aggregate', aggregate([{ $match: { tenantId: new Types.ObjectId() } }]))).not.toThrow();
    expect(() => run(hooks, 'aggregate', aggregate([{ $group: { _id: '$name' } }], { acrossTenants: true }))).not.toThrow();
  });
});
