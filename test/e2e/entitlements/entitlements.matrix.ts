import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { adminOnly, everyone, signedIn, staffOnly } from '../access/expectations.js';

let sequence = 0;
const fresh = (prefix: string) => `${prefix}${Date.now().toString(36)}${++sequence}`;

/** The owner's tenant, as a path parameter. */
const inTenant = async (context: ProbeContext, params: Record<string, string> = {}) => ({
  tenantId: (await context.tenant()).id,
  ...params,
});

/** Any standing in the tenant reads (members, staff); no standing is 404. */
const tenantReaders = (status: number) => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
  member: status,
  outsider: 404,
});
/** Support's (staff) tool on a tenant: its own members may not, outsiders do not see the tenant. */
const tenantStaff = (status: number) => ({
  anonymous: 401,
  owner: 403,
  other: 404,
  staff: status,
  admin: status,
  member: 403,
  outsider: 404,
});
/** Metering: the tenant's owners, admins and members; staff may read but not meter. */
const tenantMeters = (status: number) => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: 403,
  admin: 403,
  member: status,
  outsider: 404,
});
/** Paying for the tenant: its owners and admins. */
const tenantPayers = (status: number, staff = 403) => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff,
  admin: staff,
  member: 403,
  outsider: 404,
});

export const ENTITLEMENTS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/plans': { request: () => ({}), expect: everyone(200) },
  'GET /api/plans/{planKey}': { request: () => ({ params: { planKey: 'pro' } }), expect: everyone(200) },
  'POST /api/plans': {
    request: () => ({ body: { key: fresh('matrix-'), name: 'Matrix plan', price: 100, currency: 'EUR', billingCycle: 'month' } }),
    expect: adminOnly(201),
  },
  // Each probe writes the value starter already has, so probes leave the catalogue as it was.
  'PATCH /api/plans/{planKey}': { request: () => ({ params: { planKey: 'starter' }, body: { sortOrder: 10 } }), expect: adminOnly(200) },
  'PUT /api/plans/{planKey}/features/{featureKey}': {
    request: () => ({ params: { planKey: 'starter', featureKey: 'voice.outbound' }, body: { value: false } }),
    expect: adminOnly(200),
  },
  'DELETE /api/plans/{planKey}/features/{featureKey}': {
    request: () => ({ params: { planKey: 'starter', featureKey: 'priority-support' } }),
    expect: adminOnly(204),
  },
  'GET /api/features': { request: () => ({}), expect: staffOnly(200) },
  'POST /api/features': {
    request: () => ({ body: { key: fresh('matrix.'), name: 'Matrix feature', type: 'boolean', defaultValue: false } }),
    expect: adminOnly(201),
  },
  'PATCH /api/features/{featureKey}': {
    request: () => ({ params: { featureKey: 'priority-support' }, body: { unit: 'requests' } }),
    expect: adminOnly(200),
  },

  'GET /api/tenants/{tenantId}/features': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'PUT /api/tenants/{tenantId}/features/{featureKey}': {
    request: async (context) => ({ params: await inTenant(context, { featureKey: 'audit-log' }), body: { value: true, reason: 'Matrix' } }),
    expect: tenantStaff(200),
  },
  'DELETE /api/tenants/{tenantId}/features/{featureKey}': {
    request: async (context) => ({ params: await inTenant(context, { featureKey: 'audit-log' }) }),
    expect: tenantStaff(204),
  },
  'GET /api/tenants/{tenantId}/usage': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/usage/{featureKey}': {
    request: async (context) => ({ params: await inTenant(context, { featureKey: 'api.calls' }), body: { units: 1 } }),
    expect: tenantMeters(200),
  },
  'GET /api/users/me/features': { request: () => ({}), expect: signedIn(200) },
  'GET /api/users/me/usage': { request: () => ({}), expect: signedIn(200) },

  // Billing's tenant subscriptions, which make the tenant's plan.
  'POST /api/tenants/{tenantId}/subscriptions': {
    request: async (context) => ({ params: await inTenant(context), body: { plan: 'starter' } }),
    expect: tenantPayers(201),
  },
  'GET /api/tenants/{tenantId}/subscriptions': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: tenantPayers(200, 200),
  },
};
