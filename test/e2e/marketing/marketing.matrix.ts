import { captureEmail, captureToken, signUp } from '../../support/factories/marketing.js';
import type { MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, staffOnly } from '../access/expectations.js';

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
