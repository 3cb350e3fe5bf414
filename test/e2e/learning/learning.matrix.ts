import { randomBytes } from 'node:crypto';
import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, signedIn, staffOnly } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

/** An active catalogue skill, added by staff through the catalogue's route. */
async function skill(context: ProbeContext): Promise<string> {
  const answer = await context.t
    .http()
    .post('/api/skills')
    .set(as(context.staff))
    .send({ name: `Matrix skill ${randomBytes(4).toString('hex')}`, category: 'programming', difficulty: 2 });
  return answer.body.id as string;
}

/** The probe's owner teaching a fresh skill; answers the skill's id. */
async function ownerTeaches(context: ProbeContext): Promise<string> {
  const skillId = await skill(context);
  await context.t
    .http()
    .put('/api/users/me/skills/teaching')
    .set(as(context.owner))
    .send({ skills: [{ skillId, level: 'advanced' }] });
  return skillId;
}

/** Expected status per learning route and caller. */
export const LEARNING_MATRIX: Record<string, MatrixRow> = {
  'GET /api/users/{id}/skills': { request: ({ owner }) => ({ params: { id: owner.id } }), expect: signedIn(200) },
  'PUT /api/users/me/skills/teaching': {
    request: async (context) => ({ body: { skills: [{ skillId: await skill(context), level: 'beginner' }] } }),
    expect: signedIn(200),
  },
  'PUT /api/users/me/skills/learning': {
    request: async (context) => ({
      body: { skills: [{ skillId: await skill(context), goalLevel: 'intermediate', targetDate: '2027-06-01T00:00:00Z' }] },
    }),
    expect: signedIn(200),
  },
  'PUT /api/users/me/availability': {
    request: () => ({ body: { timezone: 'Europe/Berlin', slots: [{ day: 1, start: '09:00', end: '12:00' }] } }),
    expect: signedIn(200),
  },
  'POST /api/users/{id}/skills/teaching/{skillId}/verify': {
    request: async (context) => ({ params: { id: context.owner.id, skillId: await ownerTeaches(context) } }),
    expect: staffOnly(200),
  },
  'GET /api/learning/verifications': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/learning/leaderboards/teachers': { request: () => ({ query: { by: 'sessions' } }), expect: everyone(200) },
  'GET /api/matching/teachers': { request: async (context) => ({ query: { skillId: await skill(context) } }), expect: signedIn(200) },
  // Only a teacher of the skill is matched to its learners: the owner teaches it, anyone else is told they do not (422).
  'GET /api/matching/learners': {
    request: async (context) => ({ query: { skillId: await ownerTeaches(context) } }),
    expect: { anonymous: 401, owner: 200, other: 422, staff: 422, admin: 422 },
  },
  'GET /api/skills/{id}/path': { request: async (context) => ({ params: { id: await skill(context) } }), expect: signedIn(200) },
};
