import type { MatrixRow } from '../access/route-matrix.js';
import { signedIn } from '../access/expectations.js';

/** Presence: each user reports their own; every signed-in user sees anyone's. */
export const PRESENCE_MATRIX: Record<string, MatrixRow> = {
  'POST /api/presence/heartbeat': { request: () => ({ body: {} }), expect: signedIn(200) },
  'GET /api/presence/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: signedIn(200) },
};
