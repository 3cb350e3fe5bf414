import { Types } from 'mongoose';
import { signCaptureToken } from '../../../src/modules/marketing/capture-tokens.js';
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

const staffOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: 403, other: 403, staff: status, admin: status });
/** The owner or staff and admin; another user is refused. */
const ownerOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 403,
  staff: status,
  admin: status,
});

const as = (context: ProbeContext) => ({ Authorization: `Bearer ${context.owner.accessToken}` });

/** A payment of the owner's: pending, or confirmed (the embedded provider succeeds at once). */
async function ownerPayment(context: ProbeContext, confirm = true): Promise<string> {
  const intent = await context.t.http().post('/api/payments/intent').set(as(context)).send({ amount: 1_000, currency: 'EUR' });
  if (confirm) await context.t.http().post(`/api/payments/${intent.body.id}/confirm`).set(as(context)).send({});
  return intent.body.id;
}

async function ownerInvoice(context: ProbeContext): Promise<string> {
  const payment = await ownerPayment(context);
  return (await context.t.http().get(`/api/payments/${payment}/invoice`).set(as(context))).body.id;
}

async function ownerMethod(context: ProbeContext): Promise<string> {
  return (await context.t.http().post('/api/payments/methods').set(as(context)).send({ providerMethodId: 'pm_card_visa' })).body.id;
}

async function ownerRefundRequest(context: ProbeContext): Promise<string> {
  const payment = await ownerPayment(context);
  return (await context.t.http().post('/api/refund-requests').set(as(context)).send({ transactionId: payment, reason: 'other' })).body.id;
}

async function ownerSubscription(context: ProbeContext): Promise<string> {
  return (await context.t.http().post('/api/subscriptions').set(as(context)).send({ plan: 'pro' })).body.id;
}

const adminOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: 403, other: 403, staff: 403, admin: status });
/** Only the owner: notifications are personal, even to staff. */
const ownerOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 403, staff: 403, admin: 403 });

async function ownerNotification(context: ProbeContext): Promise<string> {
  const staff = { Authorization: `Bearer ${context.staff.accessToken}` };
  await context.t
    .http()
    .post('/api/notifications/send')
    .set(staff)
    .send({ userIds: [context.owner.id], type: 'announcement', title: 'matrix', body: 'x' });
  return (await context.t.http().get('/api/notifications?type=announcement').set(as(context))).body.items[0].id;
}

async function deadEmail(context: ProbeContext): Promise<string> {
  const inserted = await context.t.connection.collection('emailqueue').insertOne({
    to: context.owner.email,
    subject: 's',
    html: 'h',
    text: 't',
    priority: 0,
    status: 'dead',
    attempts: 6,
    nextAttemptAt: new Date(),
    idempotencyKey: `matrix-${new Types.ObjectId().toString()}`,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return inserted.insertedId.toString();
}

async function captureToken(context: ProbeContext, purpose: 'confirm' | 'unsubscribe'): Promise<string> {
  const inserted = await context.t.connection.collection('emailcaptures').insertOne({
    email: `capture.${new Types.ObjectId().toString()}@example.com`,
    source: 'matrix',
    status: 'pending',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const expiry = purpose === 'confirm' ? new Date(Date.now() + 60_000) : undefined;
  return signCaptureToken(process.env.JWT_SECRET!, purpose, inserted.insertedId.toString(), expiry);
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

  'POST /api/billing/transactions': { request: () => ({ body: { amount: 500, currency: 'EUR' } }), expect: signedIn(201) },
  'GET /api/billing/transactions/user/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: ownerOrStaff(200) },
  'GET /api/billing/transactions/{transactionId}': {
    request: async (context) => ({ params: { transactionId: await ownerPayment(context) } }),
    expect: ownerOrStaff(200),
  },
  'PATCH /api/billing/transactions/{id}/status': {
    request: async (context) => ({ params: { id: await ownerPayment(context) }, body: { status: 'disputed' } }),
    expect: staffOnly(200),
  },
  'GET /api/billing/summary/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: ownerOrStaff(200) },
  // Webhooks are public but answer only to a valid provider signature.
  'POST /api/billing/webhooks/stripe': { request: () => ({ body: { id: 'evt_unsigned' } }), expect: everyone(400) },
  'POST /api/payments/webhook': { request: () => ({ body: { id: 'evt_unsigned' } }), expect: everyone(400) },

  'POST /api/payments/intent': { request: () => ({ body: { amount: 500, currency: 'EUR' } }), expect: signedIn(201) },
  'GET /api/payments': { request: () => ({}), expect: signedIn(200) },
  'GET /api/payments/statistics': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/payments/methods': { request: () => ({}), expect: signedIn(200) },
  'POST /api/payments/methods': { request: () => ({ body: { providerMethodId: 'pm_card_visa' } }), expect: signedIn(201) },
  'DELETE /api/payments/methods/{id}': {
    request: async (context) => ({ params: { id: await ownerMethod(context) } }),
    expect: ownerOrStaff(204),
  },
  'POST /api/payments/methods/{id}/default': {
    request: async (context) => ({ params: { id: await ownerMethod(context) } }),
    expect: ownerOrStaff(200),
  },
  'GET /api/payments/{id}': { request: async (context) => ({ params: { id: await ownerPayment(context) } }), expect: ownerOrStaff(200) },
  'POST /api/payments/{id}/confirm': {
    request: async (context) => ({ params: { id: await ownerPayment(context, false) }, body: {} }),
    expect: ownerOrStaff(200),
  },
  'POST /api/payments/{id}/refund': {
    request: async (context) => ({ params: { id: await ownerPayment(context) }, body: { amount: 100 } }),
    // Payers ask through a refund request; staff refund.
    expect: staffOnly(201),
  },
  'GET /api/payments/{id}/invoice': {
    request: async (context) => ({ params: { id: await ownerPayment(context) } }),
    expect: ownerOrStaff(200),
  },

  'GET /api/invoices': { request: () => ({}), expect: signedIn(200) },
  'GET /api/invoices/{id}': { request: async (context) => ({ params: { id: await ownerInvoice(context) } }), expect: ownerOrStaff(200) },
  'GET /api/invoices/{id}/download': {
    request: async (context) => ({ params: { id: await ownerInvoice(context) } }),
    expect: ownerOrStaff(200),
  },

  'POST /api/refund-requests': {
    request: async (context) => ({ body: { transactionId: await ownerPayment(context), reason: 'other' } }),
    expect: ownerOrStaff(201),
  },
  'GET /api/refund-requests': { request: () => ({}), expect: signedIn(200) },
  'GET /api/refund-requests/queue': { request: () => ({}), expect: staffOnly(200) },
  'POST /api/refund-requests/{id}/approve': {
    request: async (context) => ({ params: { id: await ownerRefundRequest(context) }, body: {} }),
    expect: staffOnly(200),
  },
  'POST /api/refund-requests/{id}/reject': {
    request: async (context) => ({ params: { id: await ownerRefundRequest(context) }, body: {} }),
    expect: staffOnly(200),
  },

  'POST /api/subscriptions': { request: () => ({ body: { plan: 'starter' } }), expect: signedIn(201) },
  'GET /api/subscriptions': { request: () => ({}), expect: signedIn(200) },
  'GET /api/subscriptions/{id}': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: ownerOrStaff(200),
  },
  'POST /api/subscriptions/{id}/cancel': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: ownerOrStaff(200),
  },
  'POST /api/subscriptions/{id}/resume': {
    request: async (context) => ({ params: { id: await ownerSubscription(context) } }),
    expect: ownerOrStaff(200),
  },

  'GET /api/notifications': { request: () => ({}), expect: signedIn(200) },
  'GET /api/notifications/unread-count': { request: () => ({}), expect: signedIn(200) },
  'PUT /api/notifications/read-all': { request: () => ({}), expect: signedIn(200) },
  'GET /api/notifications/settings': { request: () => ({}), expect: signedIn(200) },
  'PUT /api/notifications/settings': { request: () => ({ body: { quietHours: { enabled: false } } }), expect: signedIn(200) },
  'POST /api/notifications/subscribe': {
    request: ({ owner }) => ({
      body: { endpoint: `https://push.example.com/${owner.id}`, keys: { p256dh: 'p'.repeat(20), auth: 'a'.repeat(10) } },
    }),
    expect: signedIn(201),
  },
  'POST /api/notifications/unsubscribe': {
    request: ({ owner }) => ({ body: { endpoint: `https://push.example.com/${owner.id}` } }),
    expect: signedIn(204),
  },
  'POST /api/notifications/send': {
    request: ({ owner }) => ({ body: { userIds: [owner.id], type: 'announcement', title: 'matrix', body: 'x' } }),
    expect: staffOnly(201),
  },
  'PUT /api/notifications/{id}/read': {
    request: async (context) => ({ params: { id: await ownerNotification(context) } }),
    expect: ownerOnly(200),
  },
  'DELETE /api/notifications/{id}': {
    request: async (context) => ({ params: { id: await ownerNotification(context) } }),
    expect: ownerOnly(204),
  },

  'GET /api/admin/email-queue': { request: () => ({}), expect: adminOnly(200) },
  'POST /api/admin/email-queue/{id}/retry': {
    request: async (context) => ({ params: { id: await deadEmail(context) } }),
    expect: adminOnly(200),
  },
  'GET /api/admin/jobs': { request: () => ({}), expect: adminOnly(200) },

  'POST /api/presence/heartbeat': { request: () => ({ body: {} }), expect: signedIn(200) },
  'GET /api/presence/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: signedIn(200) },

  'POST /api/email-captures': {
    request: () => ({ body: { email: `matrix.${Date.now()}@example.com`, source: 'matrix' } }),
    expect: everyone(202),
  },
  'GET /api/email-captures/confirm': {
    request: async (context) => ({ query: { token: await captureToken(context, 'confirm') } }),
    expect: everyone(200),
  },
  'GET /api/email-captures/unsubscribe': {
    request: async (context) => ({ query: { token: await captureToken(context, 'unsubscribe') } }),
    expect: everyone(200),
  },
  'POST /api/email-captures/unsubscribe': {
    request: async (context) => ({ query: { token: await captureToken(context, 'unsubscribe') } }),
    expect: everyone(200),
  },
  'GET /api/email-captures': { request: () => ({}), expect: staffOnly(200) },
  'GET /api/email-captures/export': { request: () => ({}), expect: staffOnly(200) },
};
