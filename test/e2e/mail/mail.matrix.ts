import type { Actor, MatrixRow } from '../access/route-matrix.js';
import { deadEmail } from '../../support/factories/mail.js';

/** The email queue is the operators': admin only, staff included in the refusal. */
const adminOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: 403, other: 403, staff: 403, admin: status });

export const MAIL_MATRIX: Record<string, MatrixRow> = {
  'GET /api/admin/email-queue': { request: () => ({}), expect: adminOnly(200) },
  'GET /api/admin/email-queue/emails': { request: () => ({ query: { status: 'dead' } }), expect: adminOnly(200) },
  'POST /api/admin/email-queue/{id}/retry': {
    request: async (context) => ({ params: { id: await deadEmail(context.t.app, context.owner.email) } }),
    expect: adminOnly(200),
  },
};
