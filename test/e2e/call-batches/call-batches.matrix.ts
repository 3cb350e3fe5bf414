import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { tenantReaders } from '../access/expectations.js';
import { batchAgent, batchLeads } from '../../support/factories/call-batches.js';
import { enableVoice } from '../../support/factories/voice-calls.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

/** Owners, admins and members run batches (they place calls that cost money); viewers and staff do not. */
const tenantCallers = (status: number) => ({ ...tenantReaders(status), staff: 403, admin: 403 });

/** The owner's tenant, able to call, with an active agent and one lead: what a batch needs. */
async function readyTenant(context: ProbeContext): Promise<{ tenantId: string; agentId: string; leadId: string }> {
  const tenant = await context.tenant();
  await enableVoice(context.t, tenant.id);
  const agentId = await batchAgent(context.t, context.owner, tenant.id);
  const [lead] = await batchLeads(context.t, context.owner, tenant.id, [{ lastDigit: 1 }]);
  return { tenantId: tenant.id, agentId, leadId: lead.id };
}

async function ownerBatch(context: ProbeContext, then?: 'pause'): Promise<{ tenantId: string; batchId: string }> {
  const ready = await readyTenant(context);
  const response = await context.t
    .http()
    .post(`/api/tenants/${ready.tenantId}/call-batches`)
    .set(as(context.owner))
    .send({ name: 'Matrix batch', agentId: ready.agentId, leadIds: [ready.leadId], callingHours: { start: '09:00', end: '18:00' } });
  if (response.status !== 201) throw new Error(`batch not created: ${response.status} ${JSON.stringify(response.body)}`);
  if (then === 'pause')
    await context.t.http().post(`/api/tenants/${ready.tenantId}/call-batches/${response.body.id}/pause`).set(as(context.owner));
  return { tenantId: ready.tenantId, batchId: response.body.id };
}

/**
 * The call batches' rows. `member` is a plain member of the owner's tenant (runs batches), `other` and `outsider`
 * have no standing there (404); staff and admins read but do not run batches (403).
 */
export const CALL_BATCHES_MATRIX: Record<string, MatrixRow> = {
  'POST /api/tenants/{tenantId}/call-batches': {
    request: async (context) => {
      const ready = await readyTenant(context);
      return {
        params: { tenantId: ready.tenantId },
        body: { name: 'Matrix batch', agentId: ready.agentId, leadIds: [ready.leadId], callingHours: { start: '09:00', end: '18:00' } },
      };
    },
    expect: tenantCallers(201),
  },
  'GET /api/tenants/{tenantId}/call-batches': {
    request: async (context) => ({ params: { tenantId: (await context.tenant()).id } }),
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/call-batches/{batchId}': {
    request: async (context) => ({ params: await ownerBatch(context) }),
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/call-batches/{batchId}/items': {
    request: async (context) => ({ params: await ownerBatch(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/call-batches/{batchId}/pause': {
    request: async (context) => ({ params: await ownerBatch(context) }),
    expect: tenantCallers(200),
  },
  'POST /api/tenants/{tenantId}/call-batches/{batchId}/resume': {
    request: async (context) => ({ params: await ownerBatch(context, 'pause') }),
    expect: tenantCallers(200),
  },
  'POST /api/tenants/{tenantId}/call-batches/{batchId}/cancel': {
    request: async (context) => ({ params: await ownerBatch(context) }),
    expect: tenantCallers(200),
  },
};
