import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { tenantManagers, tenantReaders } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

// A public https name that resolves nowhere: probes that send (tests, redeliveries) record a failed attempt and reach nobody.
const PROBE_URL = 'https://matrix-probe-hooks.example.com/atrium';

const inTenant = async (context: ProbeContext) => ({ tenantId: (await context.tenant()).id });

/** An endpoint of the owner's tenant, registered by the owner. */
async function onEndpoint(context: ProbeContext): Promise<{ tenantId: string; endpointId: string }> {
  const { tenantId } = await inTenant(context);
  const response = await context.t
    .http()
    .post(`/api/tenants/${tenantId}/webhooks`)
    .set(as(context.owner))
    .send({ url: PROBE_URL, events: ['lead.updated', 'call.completed'] });
  return { tenantId, endpointId: response.body.id };
}

/** A delivery (a ping the owner sent) of an endpoint of the owner's tenant. */
async function onDelivery(context: ProbeContext): Promise<{ tenantId: string; endpointId: string; deliveryId: string }> {
  const { tenantId, endpointId } = await onEndpoint(context);
  const response = await context.t.http().post(`/api/tenants/${tenantId}/webhooks/${endpointId}/test`).set(as(context.owner));
  return { tenantId, endpointId, deliveryId: response.body.id };
}

/**
 * The tenant webhooks' rows. Every member reads endpoints (never their secrets) and deliveries; owners, admins and
 * staff manage them (members 403); outsiders get 404.
 */
export const TENANT_WEBHOOKS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/tenants/{tenantId}/webhooks': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/webhooks': {
    request: async (context) => ({ params: await inTenant(context), body: { url: PROBE_URL, events: ['lead.updated'] } }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/webhooks/{endpointId}': {
    request: async (context) => ({ params: await onEndpoint(context) }),
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/webhooks/{endpointId}': {
    request: async (context) => ({ params: await onEndpoint(context), body: { description: 'Matrix' } }),
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/webhooks/{endpointId}': {
    request: async (context) => ({ params: await onEndpoint(context) }),
    expect: tenantManagers(204),
  },
  'POST /api/tenants/{tenantId}/webhooks/{endpointId}/rotate-secret': {
    request: async (context) => ({ params: await onEndpoint(context) }),
    expect: tenantManagers(200),
  },
  'POST /api/tenants/{tenantId}/webhooks/{endpointId}/test': {
    request: async (context) => ({ params: await onEndpoint(context) }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/webhooks/{endpointId}/deliveries': {
    request: async (context) => ({ params: await onEndpoint(context), query: { status: 'pending' } }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver': {
    request: async (context) => ({ params: await onDelivery(context) }),
    expect: tenantManagers(200),
  },
};
