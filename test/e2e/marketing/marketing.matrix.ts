import { captureEmail, captureToken, signUp } from '../../support/factories/marketing.js';
import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';

const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  owner: status,
  other: status,
  staff: status,
  admin: status,
});
const staffOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: 403, other: 403, staff: status, admin: status });

/** A fresh pending sign-up's signed link token. */
async function linkToken(context: ProbeContext, purpose: 'confirm' | 'unsubscribe'): Promise<string> {
  return captureToken(context.t.app, await signUp(context.t.app, captureEmail(), 'matrix'), purpose);
}

/** Email sign-ups: the public form and links, the staff list and export. */
export const MARKETING_MATRIX: Record<string, MatrixRow> = {
  'POST /api/email-captures': { request: () => ({ body: { email: captureEmail(), source: 'matrix' } }), expect: everyone(202) },
  'GET /api/email-captures/confirm': {
    request: async (context) => ({ query: { token: await linkToken(context, 'confirm') } }),
    expect: everyone(200),
  },
  'GET /api/email-captures/unsubscribe': {
    request: async (context) => ({ query: { token: await linkToken(context, 'unsubscribe') } }),
    expect: everyone(200),
  },
  'POST /api/email-captures/unsubscribe': {
    request: async (context) => ({ query: { token: await linkToken(context, 'unsubscribe') } }),
    expect: everyone(200),
  },
  'GET /api/email-captures': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/email-captures/export': { request: () => ({}), expect: staffOnly(200) },
};
