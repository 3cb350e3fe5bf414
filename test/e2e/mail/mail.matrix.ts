import type { MatrixRow } from '../access/route-matrix.js';
import { adminOnly } from '../access/expectations.js';
import { deadEmail } from '../../support/factories/mail.js';

/** The email queue is the operators': admin only, staff included in the refusal. */

export const MAIL_MATRIX: Record<string, MatrixRow> = {
  'GET /api/admin/email-queue': { request: () => ({}), expect: adminOnly(200) },
  'GET /api/admin/email-queue/emails': { request: () => ({ query: { status: 'dead' } }), expect: adminOnly(200) },
  'POST /api/admin/email-queue/{id}/retry': {
    request: async (context) => ({ params: { id: await deadEmail(context.t.app, context.owner.email) } }),
    expect: adminOnly(200),
  },
};
