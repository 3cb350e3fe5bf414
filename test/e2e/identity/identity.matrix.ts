import { login, uniqueEmail } from '../../support/auth.js';
import { mailedVerificationToken, sessionIdOf } from '../../support/factories/identity.js';
import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, signedIn, staffOnly, adminOnly } from '../access/expectations.js';

/** The owner or staff; for another user the resource does not exist. */
const ownerOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});

const as = (context: ProbeContext) => ({ Authorization: `Bearer ${context.owner.accessToken}` });

/** Accounts, sign-in and sessions. "owner" is the user the path or body points at. */
export const IDENTITY_MATRIX: Record<string, MatrixRow> = {
  'POST /api/auth/register': {
    request: () => ({ body: { email: uniqueEmail('matrix'), password: 'long enough password' } }),
    expect: everyone(201),
  },
  'POST /api/auth/login': {
    request: ({ owner }) => ({ body: { email: owner.email, password: owner.password } }),
    expect: everyone(200),
  },
  'POST /api/auth/refresh': {
    request: ({ owner }) => ({ body: { refreshToken: owner.refreshToken } }),
    expect: everyone(200),
  },
  'POST /api/auth/logout': {
    // Logging out ends the caller's session, and its access token with it: each caller logs out of a
    // session signed in for the probe, so the shared callers' own sessions still serve the other rows.
    request: async (context) => {
      for (const actor of ['other', 'staff', 'admin'] as const) {
        context[actor] = { ...context[actor], ...(await login(context.t, context[actor].email, context[actor].password)) };
      }
      return {};
    },
    expect: signedIn(204),
  },
  'POST /api/auth/password': {
    // Each caller changes their own password; staff and admin use their own current one.
    request: () => ({ body: { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' } }),
    expect: signedIn(204),
  },
  'POST /api/auth/verify-email': {
    // The link is the proof, whoever follows it: signed in as someone else or not at all.
    request: async ({ t, owner }) => ({ body: { token: await mailedVerificationToken(t.app, owner.email) } }),
    expect: everyone(200),
  },
  // Each caller asks for their own address (none of the probe's callers verified theirs).
  'POST /api/auth/verify-email/resend': { request: () => ({}), expect: signedIn(202) },
  'GET /api/auth/sessions': { request: () => ({}), expect: signedIn(200) },
  'DELETE /api/auth/sessions/{id}': {
    request: async (context) => ({ params: { id: await sessionIdOf(context.t.app, context.owner.id) } }),
    expect: { anonymous: 401, owner: 204, other: 404, staff: 204, admin: 204 },
  },

  'GET /api/users/me': { request: () => ({}), expect: signedIn(200) },
  'PATCH /api/users/me': { request: () => ({ body: { profile: { bio: 'matrix' } } }), expect: signedIn(200) },
  'GET /api/users/me/activity': { request: () => ({}), expect: signedIn(200) },
  'GET /api/users': { request: () => ({ query: { role: 'user' } }), expect: staffOnly(200) },
  'GET /api/users/{id}': { request: ({ owner }) => ({ params: { id: owner.id } }), expect: signedIn(200) },
  'GET /api/users/{id}/activity': { request: ({ owner }) => ({ params: { id: owner.id } }), expect: ownerOrStaff(200) },
  'PATCH /api/users/{id}/role': {
    request: ({ owner }) => ({ params: { id: owner.id }, body: { role: 'staff' } }),
    // The owner may not raise their own role; only admin may change roles.
    expect: adminOnly(200),
  },
  'PATCH /api/users/{id}/status': {
    request: ({ owner }) => ({ params: { id: owner.id }, body: { status: 'deactivated', reason: 'matrix' } }),
    expect: adminOnly(200),
  },
  'DELETE /api/users/me': {
    // Everyone deletes only their own account. The owner gets a password of their own first, so the
    // shared callers, who send it, are refused (not their password) and stay for the other rows.
    request: async (context) => {
      const password = `own password ${context.owner.id}`;
      await context.t
        .http()
        .post('/api/auth/password')
        .set(as(context))
        .send({ currentPassword: context.owner.password, newPassword: password });
      return { body: { password } };
    },
    expect: { anonymous: 401, owner: 204, other: 400, staff: 400, admin: 400 },
  },
};
