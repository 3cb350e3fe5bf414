import type { Actor, TenantActor } from './route-matrix.js';

/** The expected status for each caller of a route, in the shapes most routes share. */
export type Expectation = Record<Actor, number>;

export const everyone = (status: number): Expectation => ({
  anonymous: status,
  owner: status,
  other: status,
  staff: status,
  admin: status,
});
export const signedIn = (status: number): Expectation => ({ anonymous: 401, owner: status, other: status, staff: status, admin: status });
export const staffOnly = (status: number): Expectation => ({ anonymous: 401, owner: 403, other: 403, staff: status, admin: status });
export const adminOnly = (status: number): Expectation => ({ anonymous: 401, owner: 403, other: 403, staff: 403, admin: status });

/** On a tenant-scoped route: the expected status for every caller, the tenant's member and an outsider included. */
export type TenantExpectation = Record<Actor | TenantActor, number>;

/** Anyone in the tenant reads, and staff; to anyone else the tenant does not exist. */
export const tenantReaders = (status: number): TenantExpectation => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
  member: status,
  outsider: 404,
});

/** The tenant's owners and admins manage (and staff, for support); plain members are refused. */
export const tenantManagers = (status: number): TenantExpectation => ({ ...tenantReaders(status), member: 403 });

/** Only the tenant's owners; members and staff are refused. */
export const tenantOwnersOnly = (status: number): TenantExpectation => ({ ...tenantReaders(status), member: 403, staff: 403, admin: 403 });
