import type { Actor } from './route-matrix.js';

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
