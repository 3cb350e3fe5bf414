import type { Schema } from 'mongoose';
import { ACROSS_TENANTS } from '../../../core/database/tenant-scoped.js';

/**
 * The lifecycle's compare-and-set and the effects relay address a call by `_id` alone (one document, whose
 * tenant was checked when it was read); the relay's sweep scans owed effects across tenants by design.
 * Registered before tenantScopedPlugin so those queries pass it; every other query still has to name the tenant.
 */
export function systemAddressedPlugin(schema: Schema): void {
  const operations = ['find', 'findOne', 'updateOne', 'findOneAndUpdate'] as const;
  for (const operation of operations) {
    schema.pre(operation, function (this: { getFilter(): Record<string, unknown>; setOptions(options: object): unknown }) {
      const filter = this.getFilter();
      if (filter._id !== undefined || filter.effects !== undefined || filter['effects.state'] !== undefined)
        this.setOptions(ACROSS_TENANTS);
    });
  }
}
