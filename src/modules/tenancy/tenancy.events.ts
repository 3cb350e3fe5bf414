import type { TenantRole } from './tenant-roles.js';

// Payloads are type aliases (see support.events.ts); field names are kept distinct from other contexts' payloads.

/** A tenant was closed: it no longer exists for anyone; contexts holding tenant data clean theirs up. */
export type TenantClosedEvent = {
  tenantId: string;
  tenantSlug: string;
  closedById?: string;
  /** ISO 8601, UTC. */
  closedAt: string;
};

/** Someone joined a tenant (added directly, by accepting an invite, or as its creator). */
export type TenantMemberAddedEvent = {
  tenantId: string;
  memberUserId: string;
  tenantRole: TenantRole;
  addedById?: string;
  via: 'creation' | 'direct' | 'invite';
};

/** Someone left a tenant: removed, left on their own, or their account was deleted. */
export type TenantMemberRemovedEvent = {
  tenantId: string;
  memberUserId: string;
  removedById?: string;
  via: 'removed' | 'left' | 'account-deleted' | 'tenant-closed';
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'tenant.closed': TenantClosedEvent;
    'tenant.member-added': TenantMemberAddedEvent;
    'tenant.member-removed': TenantMemberRemovedEvent;
  }
}
