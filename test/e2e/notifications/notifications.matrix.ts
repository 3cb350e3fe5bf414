import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn, staffOnly } from '../access/expectations.js';
import { notifyUser } from '../../support/factories/notifications.js';

/** Notifications are personal: for anyone but their owner (staff and admin too) they do not exist. */
const ownerOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 404, admin: 404 });

async function ownerNotification(context: ProbeContext): Promise<string> {
  const created = await notifyUser(context.t.app, context.owner.id, { type: 'announcement', title: 'matrix' });
  return created!._id.toString();
}

export const NOTIFICATIONS_MATRIX: Record<string, MatrixRow> = {
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
};
