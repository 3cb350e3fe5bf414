import { randomUUID } from 'node:crypto';
import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn } from '../access/expectations.js';

/** The owner or staff; for anyone else the run does not exist. */
const ownerOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});

async function ownerRun(context: ProbeContext): Promise<string> {
  const experimentId = randomUUID();
  await context.t
    .http()
    .post('/api/analytics/track/lab')
    .set({ Authorization: `Bearer ${context.owner.accessToken}` })
    .send({ experimentId, experimentType: 'neural-art', status: 'queued' });
  return experimentId;
}

/** Expected status per lab route and caller. */
export const LAB_MATRIX: Record<string, MatrixRow> = {
  'POST /api/analytics/track/lab': {
    request: () => ({ body: { experimentId: randomUUID(), experimentType: 'dream-analysis', status: 'running' } }),
    expect: signedIn(200),
  },
  'GET /api/lab/experiments': { request: () => ({ query: { type: 'neural-art' } }), expect: signedIn(200) },
  'GET /api/lab/experiments/stats': { request: () => ({}), expect: signedIn(200) },
  'GET /api/lab/experiments/{experimentId}': {
    request: async (context) => ({ params: { experimentId: await ownerRun(context) } }),
    expect: ownerOrStaff(200),
  },
};
