/** Tenancy's public surface: the module, the tenant directory other contexts read, and the events it publishes. */
export { TenancyModule } from './tenancy.module.js';
export { TenantDirectory, type TenantSummary } from './tenant-directory.js';
export type { TenantClosedEvent, TenantMemberAddedEvent, TenantMemberRemovedEvent } from './tenancy.events.js';
export { TENANT_ROLES, type TenantRole } from './tenant-roles.js';
