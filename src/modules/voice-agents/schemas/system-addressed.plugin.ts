import type { Schema } from 'mongoose';
import { ACROSS_TENANTS } from '../../../core/database/tenant-scoped.js';

/**
 * The lifecycle's compare-and-set addresses one document by `_id` alone, after the service read it with its
 * tenant in the filter. Registered before tenantScopedPlugin, it lets exactly those reads and updates by `_id`
 * pass; every other query still has to name the tenant.
 */
export function systemAddressedPlugin(schema: Schema): void {
  for (const operation of ['findOne', 'findOneAndUpdate'] as const) {
    schema.pre(operation, function (this: { getFilter(): Record<string, unknown>; setOptions(options: object): unknown }) {
      if (this.getFilter()._id !== undefined) this.setOptions(ACROSS_TENANTS);
    });
  }
}
