import { randomBytes } from 'node:crypto';
import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, staffOnly } from '../access/expectations.js';

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

const skillBody = () => ({ name: `Matrix skill ${randomBytes(4).toString('hex')}`, category: 'matrix', difficulty: 3 });

/** An active skill made by staff, fresh for each probe. */
async function skill(context: ProbeContext): Promise<string> {
  const created = await context.t.http().post('/api/skills').set(as(context.staff)).send(skillBody());
  return created.body.id;
}

/** The skills' rows of the authorization matrix: everyone reads the catalogue, staff curate it. */
export const SKILLS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/skills': { request: () => ({ query: { sort: 'name' } }), expect: everyone(200) },
  'GET /api/skills/search': { request: () => ({ query: { q: 'python' } }), expect: everyone(200) },
  'GET /api/skills/popular': { request: () => ({ query: { limit: '5' } }), expect: everyone(200) },
  'GET /api/skills/statistics': { request: () => ({}), expect: everyone(200) },
  'GET /api/skills/categories/{category}': { request: () => ({ params: { category: 'matrix' } }), expect: everyone(200) },
  'GET /api/skills/{id}': { request: async (context) => ({ params: { id: await skill(context) } }), expect: everyone(200) },
  'GET /api/skills/{id}/tree': {
    request: async (context) => ({ params: { id: await skill(context) }, query: { depth: '3' } }),
    expect: everyone(200),
  },
  'POST /api/skills': { request: () => ({ body: skillBody() }), expect: staffOnly(201) },
  'PUT /api/skills/{id}': {
    request: async (context) => ({ params: { id: await skill(context) }, body: { difficulty: 6 } }),
    expect: staffOnly(200),
  },
  'DELETE /api/skills/{id}': { request: async (context) => ({ params: { id: await skill(context) } }), expect: staffOnly(204) },
};
