import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { tenantManagers, tenantReaders } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

let sequence = 0;
/** A fresh valid US number per probe (Pacific area code). */
const phone = () => {
  const n = (Date.now() % 100_000) * 10 + (++sequence % 10);
  return `+1415${200 + (Math.floor(n / 10_000) % 800)}${String(n % 10_000).padStart(4, '0')}`;
};

async function ownerLead(context: ProbeContext): Promise<{ tenantId: string; leadId: string; phone: string }> {
  const tenant = await context.tenant();
  const number = phone();
  const response = await context.t
    .http()
    .post(`/api/tenants/${tenant.id}/leads`)
    .set(as(context.owner))
    .send({ name: `Matrix lead ${sequence}`, phone: number });
  return { tenantId: tenant.id, leadId: response.body.id, phone: number };
}

const inTenant = async (context: ProbeContext) => ({ tenantId: (await context.tenant()).id });
const onLead = async (context: ProbeContext) => {
  const { tenantId, leadId } = await ownerLead(context);
  return { tenantId, leadId };
};

/**
 * The leads context's rows. Every member reads; owners, admins and members work leads (viewers are not probed);
 * deleting and importing are for owners and admins; staff may do all of it for support. Outsiders get 404.
 */
export const LEADS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/tenants/{tenantId}/leads': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/leads': {
    request: async (context) => ({ params: await inTenant(context), body: { name: 'Matrix lead', phone: phone() } }),
    expect: tenantReaders(201),
  },
  'POST /api/tenants/{tenantId}/leads/import': {
    request: async (context) => ({
      params: await inTenant(context),
      body: { format: 'json', rows: [{ name: 'Imported', phone: phone() }] },
    }),
    expect: tenantManagers(200),
  },
  'GET /api/tenants/{tenantId}/leads/by-phone/{phone}': {
    request: async (context) => {
      const lead = await ownerLead(context);
      return { params: { tenantId: lead.tenantId, phone: lead.phone } };
    },
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/leads/{leadId}': {
    request: async (context) => ({ params: await onLead(context) }),
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/leads/{leadId}': {
    request: async (context) => ({ params: await onLead(context), body: { notes: 'Called back' } }),
    expect: tenantReaders(200),
  },
  'DELETE /api/tenants/{tenantId}/leads/{leadId}': {
    request: async (context) => ({ params: await onLead(context) }),
    expect: tenantManagers(204),
  },
  'POST /api/tenants/{tenantId}/leads/{leadId}/contacted': {
    request: async (context) => ({ params: await onLead(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/leads/{leadId}/transitions': {
    request: async (context) => ({ params: await onLead(context), body: { to: 'lost' } }),
    expect: tenantReaders(200),
  },
};
