import { Types } from 'mongoose';
import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, tenantReaders } from '../access/expectations.js';
import { insertCall } from '../../support/factories/voice-calls.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });
const someId = () => new Types.ObjectId().toString();

const inTenant = async (context: ProbeContext) => ({ tenantId: (await context.tenant()).id });

async function tenantCall(context: ProbeContext): Promise<{ tenantId: string; callId: string }> {
  const { tenantId } = await inTenant(context);
  return { tenantId, callId: await insertCall(context.t.app, { tenantId, status: 'queued' }) };
}

async function tenantLead(context: ProbeContext): Promise<{ tenantId: string; leadId: string }> {
  const { tenantId } = await inTenant(context);
  const response = await context.t
    .http()
    .post(`/api/tenants/${tenantId}/leads`)
    .set(as(context.owner))
    .send({ name: 'Matrix lead', phone: `+4930${Math.floor(1_000_000 + Math.random() * 8_999_999)}` });
  return { tenantId, leadId: response.body.id ?? someId() };
}

/** Placing and cancelling calls cost money: owners, admins and members, never viewers or staff. */
const callers = (status: number) => ({ ...tenantReaders(status), staff: 403, admin: 403 });

/**
 * Voice calls' rows. The probe tenant is on the free plan, which lacks outbound calls: placing is 402 for those
 * who may place (the refusal the plan gives), 403 for staff. The Vapi webhook authenticates by its secret, not by
 * a bearer token: a probe without the secret is 401 for everyone.
 */
export const VOICE_CALLS_MATRIX: Record<string, MatrixRow> = {
  'POST /api/tenants/{tenantId}/voice-calls': {
    request: async (context) => ({ params: await inTenant(context), body: { agentId: someId(), leadId: someId() } }),
    expect: callers(402),
  },
  'GET /api/tenants/{tenantId}/voice-calls': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/voice-calls/{callId}': {
    request: async (context) => ({ params: await tenantCall(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/voice-calls/{callId}/cancel': {
    request: async (context) => ({ params: await tenantCall(context) }),
    expect: callers(200),
  },
  'GET /api/tenants/{tenantId}/leads/{leadId}/calls': {
    request: async (context) => ({ params: await tenantLead(context) }),
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/usage/voice': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/voice/webhooks/vapi': {
    request: () => ({ body: { message: { type: 'status-update', status: 'ringing', call: { id: 'matrix-call' } } } }),
    expect: everyone(401),
  },
};
