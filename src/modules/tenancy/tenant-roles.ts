/** A member's role in one tenant, from the most to the least it may do. */
export const TENANT_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const DEFAULT_TENANT_ROLE: TenantRole = 'member';

/** The roles that manage the tenant's people: members, invites and teams. */
export const MANAGERS: readonly TenantRole[] = ['owner', 'admin'];
/** Every member reads what the tenant holds. */
export const READERS: readonly TenantRole[] = TENANT_ROLES;

export const TEAM_ROLES = ['lead', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
