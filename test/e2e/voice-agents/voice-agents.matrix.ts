import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn, tenantManagers, tenantReaders } from '../access/expectations.js';
import { createAgent, createPhoneNumber, createTenantVoice, moveAgent, uniqueNumber } from '../../support/factories/voice-agents.js';

let sequence = 0;

const inTenant = async (context: ProbeContext) => ({ tenantId: (await context.tenant()).id });

const onVoice = async (context: ProbeContext) => {
  const { tenantId } = await inTenant(context);
  const voice = await createTenantVoice(context.t, context.owner, tenantId);
  return { tenantId, voiceId: voice.id };
};

const onNumber = async (context: ProbeContext) => {
  const { tenantId } = await inTenant(context);
  const number = await createPhoneNumber(context.t, context.owner, tenantId);
  return { tenantId, numberId: number.id, number: number.e164 };
};

/** A draft agent of the owner's tenant with a tenant voice and a number, so it may be activated. */
const onAgent = async (context: ProbeContext) => {
  const { tenantId } = await inTenant(context);
  const voice = await createTenantVoice(context.t, context.owner, tenantId);
  const number = await createPhoneNumber(context.t, context.owner, tenantId);
  const agent = await createAgent(context.t, context.owner, tenantId, { voiceId: voice.id, defaultNumberId: number.id });
  return { tenantId, agentId: agent.id };
};

/** An agent walked to `moves` by the tenant's owner before the probe. */
const agentAfter = async (context: ProbeContext, moves: ('activate' | 'pause')[]) => {
  const params = await onAgent(context);
  for (const move of moves) await moveAgent(context.t, context.owner, params.tenantId, params.agentId, move);
  return params;
};

/**
 * The voice-agents context's rows. Anyone signed in reads the shared catalogue; every member of a tenant reads
 * its voices, numbers and agents; owners and admins (and staff, for support) configure them. Outsiders get 404.
 */
export const VOICE_AGENTS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/voices': { request: () => ({}), expect: signedIn(200) },

  'GET /api/tenants/{tenantId}/voices': { request: async (context) => ({ params: await inTenant(context) }), expect: tenantReaders(200) },
  'POST /api/tenants/{tenantId}/voices': {
    request: async (context) => ({
      params: await inTenant(context),
      body: { provider: '11labs', providerVoiceId: `matrix-${Date.now()}-${++sequence}`, name: 'Matrix voice' },
    }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/voices/{voiceId}': {
    request: async (context) => ({ params: await onVoice(context) }),
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/voices/{voiceId}': {
    request: async (context) => ({ params: await onVoice(context), body: { name: 'Renamed voice' } }),
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/voices/{voiceId}': {
    request: async (context) => ({ params: await onVoice(context) }),
    expect: tenantManagers(204),
  },

  'GET /api/tenants/{tenantId}/phone-numbers': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/phone-numbers': {
    request: async (context) => ({ params: await inTenant(context), body: { number: uniqueNumber(), provider: 'vapi' } }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/phone-numbers/resolve/{number}': {
    request: async (context) => {
      const { tenantId, number } = await onNumber(context);
      return { params: { tenantId, number } };
    },
    expect: tenantReaders(200),
  },
  'GET /api/tenants/{tenantId}/phone-numbers/{numberId}': {
    request: async (context) => {
      const { tenantId, numberId } = await onNumber(context);
      return { params: { tenantId, numberId } };
    },
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/phone-numbers/{numberId}': {
    request: async (context) => {
      const { tenantId, numberId } = await onNumber(context);
      return { params: { tenantId, numberId }, body: { label: 'Main line' } };
    },
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/phone-numbers/{numberId}': {
    request: async (context) => {
      const { tenantId, numberId } = await onNumber(context);
      return { params: { tenantId, numberId } };
    },
    expect: tenantManagers(204),
  },

  'GET /api/tenants/{tenantId}/voice-agents': {
    request: async (context) => ({ params: await inTenant(context) }),
    expect: tenantReaders(200),
  },
  'POST /api/tenants/{tenantId}/voice-agents': {
    request: async (context) => ({ params: await inTenant(context), body: { name: 'Matrix agent' } }),
    expect: tenantManagers(201),
  },
  'GET /api/tenants/{tenantId}/voice-agents/{agentId}': {
    request: async (context) => ({ params: await onAgent(context) }),
    expect: tenantReaders(200),
  },
  'PATCH /api/tenants/{tenantId}/voice-agents/{agentId}': {
    request: async (context) => ({ params: await onAgent(context), body: { inboundPrompt: 'Greet and ask how to help.' } }),
    expect: tenantManagers(200),
  },
  'DELETE /api/tenants/{tenantId}/voice-agents/{agentId}': {
    request: async (context) => ({ params: await onAgent(context) }),
    expect: tenantManagers(204),
  },
  'POST /api/tenants/{tenantId}/voice-agents/{agentId}/activate': {
    request: async (context) => ({ params: await onAgent(context) }),
    expect: tenantManagers(200),
  },
  'POST /api/tenants/{tenantId}/voice-agents/{agentId}/pause': {
    request: async (context) => ({ params: await agentAfter(context, ['activate']) }),
    expect: tenantManagers(200),
  },
  'POST /api/tenants/{tenantId}/voice-agents/{agentId}/resume': {
    request: async (context) => ({ params: await agentAfter(context, ['activate', 'pause']) }),
    expect: tenantManagers(200),
  },
  'POST /api/tenants/{tenantId}/voice-agents/{agentId}/archive': {
    request: async (context) => ({ params: await onAgent(context) }),
    expect: tenantManagers(200),
  },
};
