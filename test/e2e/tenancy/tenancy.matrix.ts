import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn, staffOnly, tenantManagers, tenantOwnersOnly, tenantReaders } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

async function ownerTeam(context: ProbeContext): Promise<{ tenantId: string; teamId: string; memberId: string }> {
  const tenant = await context.tenant();
  const response = await context.t
    .http()
    .post(`/api/tenants/${tenant.id}/teams`)
    .set(as(context.owner))
    .send({ name: unique('team') });
  return { tenantId: tenant.id, teamId: response.body.id, memberId: tenant.member.id };
}

async function teamWithMember(context: ProbeContext) {
  const team = await ownerTeam(context);
  await context.t
    .http()
    .post(`/api/tenants/${team.tenantId}/teams/${team.teamId}/members`)
    .set(as(context.owner))
    .send({ userId: team.memberId });
  return team;
}

async function ownerInvite(context: ProbeContext): Promise<{ tenantId: string; inviteId: string }> {
  const tenant = await context.tenant();
  const response = await context.t
    .http()
    .post(`/api/tenants/${tenant.id}/invites`)
    .set(as(context.owner))
    .send({ email: `${unique('invitee')}@example.com` });
  return { tenantId: tenant.id, inviteId: response.body.id };
}

const inTenant = async (context: ProbeContext, extra: Record<string, string> = {}) => ({ tenantId: (await context.tenant()).id, ...extra });

/**
 * The tenancy context's rows. On tenant routes `owner` owns the tenant, `member` is a plain member of
 * it, `other` and `outsider` (who owns another tenant) have no standing there: 404, never 403.
 */
export const TENANCY_MATRIX: Record<string, MatrixRow> = {
  'POST /api/tenants': { request: () => ({ body: { name: unique('Matrix tenant') } }), expect: signedIn(201) },
  'GET /api/tenants': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/users/me/tenants': { request: () => ({}), expect: signedIn(200) },
  'GET /api/tenants/{tenantId}': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'PATCH /api/tenants/{tenantId}': {
    request: async (context) => ({ params: await inTenant(context), body: { name: 'Renamed by the matrix' } }),
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: { ...tenantManagers(204) },
  },
  'GET /api/tenants/{tenantId}/members': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/members': {
    request: async (context) => ({ params: await inTenant(context), body: { userId: context.other.id, role: 'viewer' } }),
    expect: tenantManagers(201),
  },
  'PATCH /api/tenants/{tenantId}/members/{userId}': {
    request: async (context) => {
      const tenant = await context.tenant();
      return { params: { tenantId: tenant.id, userId: tenant.member.id }, body: { role: 'viewer' } };
    },
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/members/{userId}': {
    request: async (context) => {
      const tenant = await context.tenant();
      return { params: { tenantId: tenant.id, userId: tenant.member.id } };
    },
    // The member removing themselves is leaving, which anyone but a last owner may do.
    expect: { ...tenantManagers(204), member: 204 },
  },
  'POST /api/tenants/{tenantId}/transfer-ownership': {
    request: async (context) => {
      const tenant = await context.tenant();
      return { params: { tenantId: tenant.id }, body: { userId: tenant.member.id } };
    },
    expect: tenantOwnersOnly(200),
  },
  'POST /api/tenants/{tenantId}/invites': {
    request: async (context) => ({ params: await inTenant(context), body: { email: `${unique('matrix')}@example.com` } }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/invites': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantManagers(200) },
  'DELETE /api/tenants/{tenantId}/invites/{inviteId}': {
    request: async (context) => ({ params: await ownerInvite(context) }),
    expect: tenantManagers(204),
  },
  'POST /api/tenants/{tenantId}/invites/{inviteId}/resend': {
    request: async (context) => ({ params: await ownerInvite(context) }),
    expect: tenantManagers(200),
  },
  'POST /api/invites/accept': {
    // A well-formed token no invitation has: signed-in callers learn nothing more than "no such invite".
    request: () => ({ body: { token: 'A'.repeat(43) } }),
    expect: signedIn(404),
  },
  'GET /api/tenants/{tenantId}/teams': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/teams': {
    request: async (context) => ({ params: await inTenant(context), body: { name: unique('Matrix team') } }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/teams/{teamId}': {
    request: async (context) => ({ params: await ownerTeam(context) }),
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/teams/{teamId}': {
    request: async (context) => ({ params: await ownerTeam(context), body: { description: 'Changed by the matrix' } }),
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/teams/{teamId}': {
    request: async (context) => ({ params: await ownerTeam(context) }),
    expect: tenantManagers(204),
  },
  'GET /api/tenants/{tenantId}/teams/{teamId}/members': {
    request: async (context) => ({ params: await teamWithMember(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/teams/{teamId}/members': {
    request: async (context) => {
      const team = await ownerTeam(context);
      return { params: team, body: { userId: team.memberId, role: 'lead' } };
    },
    expect: tenantManagers(201),
  },
  'PATCH /api/tenants/{tenantId}/teams/{teamId}/members/{userId}': {
    request: async (context) => {
      const team = await teamWithMember(context);
      return { params: { ...team, userId: team.memberId }, body: { role: 'lead' } };
    },
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/teams/{teamId}/members/{userId}': {
    request: async (context) => {
      const team = await teamWithMember(context);
      return { params: { ...team, userId: team.memberId } };
    },
    expect: tenantManagers(204),
  },
};
