import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn } from '../access/expectations.js';

/** The user or staff read; for anyone else the user's settings do not exist. */
const userOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** A route on the caller's own prompts, probed with one of the owner's: no one else has it. */
const ownersOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 404, admin: 404 });

const AGENT = 'matrix-agent';
const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

async function ownerPrompt(context: ProbeContext): Promise<string> {
  const response = await context.t
    .http()
    .post(`/api/agents/${AGENT}/personalization/prompts`)
    .set(as(context.owner))
    .send({ title: 'Matrix', prompt: 'Probe.' });
  return response.body.id;
}

/** Expected status per personalization route and caller; "owner" is the caller on the /api/agents routes. */
export const PERSONALIZATION_MATRIX: Record<string, MatrixRow> = {
  'GET /api/agents/{agentId}/personalization': { request: () => ({ params: { agentId: AGENT } }), expect: signedIn(200) },
  'PUT /api/agents/{agentId}/personalization': {
    request: () => ({ params: { agentId: AGENT }, body: { display: { theme: 'dark' } } }),
    expect: signedIn(200),
  },
  'PATCH /api/agents/{agentId}/personalization': {
    request: () => ({ params: { agentId: AGENT }, body: { behavior: { tone: 'friendly' } } }),
    expect: signedIn(200),
  },
  'DELETE /api/agents/{agentId}/personalization': { request: () => ({ params: { agentId: AGENT } }), expect: signedIn(204) },
  'GET /api/agents/{agentId}/personalization/prompts': { request: () => ({ params: { agentId: AGENT } }), expect: signedIn(200) },
  'POST /api/agents/{agentId}/personalization/prompts': {
    request: () => ({ params: { agentId: AGENT }, body: { title: 'Probe', prompt: 'Say hello.' } }),
    expect: signedIn(201),
  },
  'POST /api/agents/{agentId}/personalization/prompts/reorder': {
    // An agent no caller saved prompts for (the shared callers keep the ones other rows saved): the empty order is the permutation.
    request: () => ({ params: { agentId: 'matrix-reorder' }, body: { order: [] } }),
    expect: signedIn(200),
  },
  'PATCH /api/agents/{agentId}/personalization/prompts/{promptId}': {
    request: async (context) => ({ params: { agentId: AGENT, promptId: await ownerPrompt(context) }, body: { title: 'Renamed' } }),
    expect: ownersOnly(200),
  },
  'DELETE /api/agents/{agentId}/personalization/prompts/{promptId}': {
    request: async (context) => ({ params: { agentId: AGENT, promptId: await ownerPrompt(context) } }),
    expect: ownersOnly(204),
  },
  'GET /api/users/{userId}/agents/{agentId}/personalization': {
    request: ({ owner }) => ({ params: { userId: owner.id, agentId: AGENT } }),
    expect: userOrStaff(200),
  },
};
