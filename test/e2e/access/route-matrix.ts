import { Types } from 'mongoose';
import type { TestApp } from '../../support/app.js';
import { uniqueEmail, type TestUser } from '../../support/auth.js';

export const ACTORS = ['anonymous', 'owner', 'other', 'staff', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface ProbeContext {
  t: TestApp;
  /** The user whose resource the route is called on; created fresh for every probe. */
  owner: TestUser;
  other: TestUser;
  staff: TestUser;
  admin: TestUser;
}

export interface Probe {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface MatrixRow {
  request(context: ProbeContext): Probe | Promise<Probe>;
  expect: Record<Actor, number>;
}

const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  owner: status,
  other: status,
  staff: status,
  admin: status,
});
const signedIn = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: status,
  staff: status,
  admin: status,
});

async function sessionIdOf(context: ProbeContext): Promise<string> {
  const session = await context.t.connection.collection('usersessions').findOne({ userId: new Types.ObjectId(context.owner.id) });
  return String(session?._id);
}

/** Expected status per route and caller. "owner" is the user the path or body points at. */
export const ROUTE_MATRIX: Record<string, MatrixRow> = {
  'GET /api/health/live': { request: () => ({}), expect: everyone(200) },
  'GET /api/health/ready': { request: () => ({}), expect: everyone(200) },

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
  'POST /api/auth/logout': { request: () => ({}), expect: signedIn(204) },
  'POST /api/auth/password': {
    // Each caller changes their own password; staff and admin use their own current one.
    request: () => ({ body: { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' } }),
    expect: signedIn(204),
  },
  'GET /api/auth/sessions': { request: () => ({}), expect: signedIn(200) },
  'DELETE /api/auth/sessions/{id}': {
    request: async (context) => ({ params: { id: await sessionIdOf(context) } }),
    expect: { anonymous: 401, owner: 204, other: 403, staff: 204, admin: 204 },
  },

  'GET /api/users/me': { request: () => ({}), expect: signedIn(200) },
  'PATCH /api/users/me': { request: () => ({ body: { profile: { bio: 'matrix' } } }), expect: signedIn(200) },
  'GET /api/users/me/activity': { request: () => ({}), expect: signedIn(200) },
  'GET /api/users': {
    request: () => ({ query: { role: 'user' } }),
    expect: { anonymous: 401, owner: 403, other: 403, staff: 200, admin: 200 },
  },
  'GET /api/users/{id}': { request: ({ owner }) => ({ params: { id: owner.id } }), expect: signedIn(200) },
  'GET /api/users/{id}/activity': {
    request: ({ owner }) => ({ params: { id: owner.id } }),
    expect: { anonymous: 401, owner: 200, other: 403, staff: 200, admin: 200 },
  },
  'PATCH /api/users/{id}/role': {
    request: ({ owner }) => ({ params: { id: owner.id }, body: { role: 'staff' } }),
    // The owner may not raise their own role; only admin may change roles.
    expect: { anonymous: 401, owner: 403, other: 403, staff: 403, admin: 200 },
  },
};
