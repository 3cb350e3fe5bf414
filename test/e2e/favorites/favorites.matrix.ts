import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn } from '../access/expectations.js';

/** The user or staff read; for anyone else the user's favorites do not exist. */
const userOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** Only the user changes; staff see the favorites but may not change them. */
const userOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 403, admin: 403 });

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

/** A favorite of the probe's owner, in the folder "Matrix". */
async function ownerFavorite(context: ProbeContext): Promise<{ id: string; itemId: string }> {
  const response = await context.t
    .http()
    .post('/api/favorites')
    .set(as(context.owner))
    .send({ type: 'agent', itemId: 'matrix-agent', folder: 'Matrix' });
  return { id: response.body.id, itemId: response.body.itemId };
}

/** Expected status per favorites route and caller. */
export const FAVORITES_MATRIX: Record<string, MatrixRow> = {
  'POST /api/favorites': { request: () => ({ body: { type: 'tool', itemId: 'matrix-tool' } }), expect: signedIn(201) },
  'GET /api/favorites/user/{userId}': {
    request: ({ owner }) => ({ params: { userId: owner.id }, query: { sort: 'most-used' } }),
    expect: userOrStaff(200),
  },
  'GET /api/favorites/check/{userId}/{type}/{itemId}': {
    request: async (context) => ({ params: { userId: context.owner.id, type: 'agent', itemId: (await ownerFavorite(context)).itemId } }),
    expect: userOrStaff(200),
  },
  'PATCH /api/favorites/{favoriteId}': {
    request: async (context) => ({ params: { favoriteId: (await ownerFavorite(context)).id }, body: { notes: 'Probe' } }),
    expect: userOnly(200),
  },
  'DELETE /api/favorites/{userId}/{type}/{itemId}': {
    request: async (context) => ({ params: { userId: context.owner.id, type: 'agent', itemId: (await ownerFavorite(context)).itemId } }),
    expect: userOnly(204),
  },
  'POST /api/favorites/{favoriteId}/use': {
    request: async (context) => ({ params: { favoriteId: (await ownerFavorite(context)).id } }),
    expect: userOnly(200),
  },
  'GET /api/favorites/folders/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: userOrStaff(200) },
  'PATCH /api/favorites/folders/{userId}/{folder}': {
    request: async (context) => {
      await ownerFavorite(context);
      return { params: { userId: context.owner.id, folder: 'Matrix' }, body: { name: 'Renamed' } };
    },
    expect: userOnly(200),
  },
  'DELETE /api/favorites/folders/{userId}/{folder}': {
    request: async (context) => {
      await ownerFavorite(context);
      return { params: { userId: context.owner.id, folder: 'matrix' } };
    },
    expect: userOnly(204),
  },
};
