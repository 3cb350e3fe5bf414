import { Injectable } from '@nestjs/common';
import { Leases } from './leases.js';
import type { TenantFilter, TenantOwned, TenantScoped } from './tenant-scoped.js';

/**
 * How many documents of one collection a tenant may keep (agents, numbers, voices). Counting and inserting
 * are two steps, so concurrent creators would all see room under the cap; they run holding the tenant's lease
 * for that collection instead, one after another, across instances. Deleting needs no bookkeeping: the count
 * is of the documents themselves, so nothing can drift.
 */
@Injectable()
export class TenantCaps {
  constructor(private readonly leases: Leases) {}

  create<T extends TenantOwned>(
    records: TenantScoped<T>,
    document: Partial<T> & TenantOwned,
    max: number,
    refuse: () => Error,
  ): Promise<T> {
    const key = `cap:${records.model.collection.collectionName}:${document.tenantId.toString()}`;
    return this.leases.withHeld([key], async () => {
      if ((await records.count({ tenantId: document.tenantId } as TenantFilter<T>)) >= max) throw refuse();
      return (await records.model.create(document)).toObject() as T;
    });
  }
}
