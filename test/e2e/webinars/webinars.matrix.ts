import { randomBytes } from 'node:crypto';
import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, staffOnly } from '../access/expectations.js';

const MINUTE_MS = 60_000;

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

/** The registrant or staff; for anyone else (signed in or not) the registration does not exist. */
const registrantOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 404,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** Only the registrant acts; staff see the registration but may not do this to it. */
const registrantOnly = (status: number): Record<Actor, number> => ({ anonymous: 404, owner: status, other: 404, staff: 403, admin: 403 });

const webinarBody = (startsInMinutes: number) => ({
  title: `Matrix webinar ${randomBytes(3).toString('hex')}`,
  startsAt: new Date(Date.now() + startsInMinutes * MINUTE_MS).toISOString(),
  durationMinutes: 60,
  timezone: 'UTC',
  capacity: 5,
  meeting: { joinUrl: 'https://meet.atrium-demo.com/matrix' },
});

/** A webinar made by staff, published unless asked for a draft. */
async function webinar(context: ProbeContext, { startsInMinutes = 2 * 24 * 60, draft = false } = {}): Promise<string> {
  const id = (await context.t.http().post('/api/webinars').set(as(context.staff)).send(webinarBody(startsInMinutes))).body.id;
  if (!draft) await context.t.http().post(`/api/webinars/${id}/transition`).set(as(context.staff)).send({ to: 'scheduled' });
  return id;
}

/** The owner's registration (their account's address), optionally for a webinar under way that they joined. */
async function ownerRegistration(context: ProbeContext, { live = false, joined = false } = {}): Promise<string> {
  const webinarId = await webinar(context, { startsInMinutes: live ? -5 : 2 * 24 * 60 });
  const id = (await context.t.http().post('/api/webinars/register').send({ webinarId, email: context.owner.email, name: 'Matrix Owner' }))
    .body.registrationId;
  if (joined) await context.t.http().post(`/api/webinars/registrations/${id}/join`).set(as(context.owner));
  return id;
}

/** The webinars' rows of the authorization matrix. */
export const WEBINARS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/webinars': { request: () => ({}), expect: everyone(200) },
  'GET /api/webinars/all': { request: () => ({ query: { status: 'draft' } }), expect: staffOnly(200) },
  'POST /api/webinars': { request: () => ({ body: webinarBody(60) }), expect: staffOnly(201) },
  'GET /api/webinars/{id}': { request: async (context) => ({ params: { id: await webinar(context) } }), expect: everyone(200) },
  'PATCH /api/webinars/{id}': {
    request: async (context) => ({ params: { id: await webinar(context) }, body: { capacity: 8 } }),
    expect: staffOnly(200),
  },
  'POST /api/webinars/{id}/transition': {
    request: async (context) => ({ params: { id: await webinar(context, { draft: true }) }, body: { to: 'scheduled' } }),
    expect: staffOnly(200),
  },
  'GET /api/webinars/{id}/registrations': {
    request: async (context) => ({ params: { id: await webinar(context) }, query: { status: 'confirmed' } }),
    expect: staffOnly(200),
  },
  'GET /api/webinars/{id}/report': { request: async (context) => ({ params: { id: await webinar(context) } }), expect: staffOnly(200) },
  'GET /api/webinars/{id}/export': {
    request: async (context) => ({ params: { id: await webinar(context) }, query: { format: 'csv' } }),
    expect: staffOnly(200),
  },

  'POST /api/webinars/register': {
    request: async (context) => ({
      body: { webinarId: await webinar(context), email: `matrix.${randomBytes(4).toString('hex')}@example.com`, name: 'Matrix' },
    }),
    expect: everyone(201),
  },
  'GET /api/webinars/registrations/user/{userId}': {
    request: ({ owner }) => ({ params: { userId: owner.id } }),
    expect: { anonymous: 401, owner: 200, other: 404, staff: 200, admin: 200 },
  },
  'GET /api/webinars/registrations/email/{email}': {
    request: async (context) => {
      await ownerRegistration(context);
      return { params: { email: context.owner.email } };
    },
    // Only staff or a mailed manage token: a bare address, even the caller's own, shows nothing.
    expect: { anonymous: 404, owner: 404, other: 404, staff: 200, admin: 200 },
  },
  'GET /api/webinars/registrations/{registrationId}': {
    request: async (context) => ({ params: { registrationId: await ownerRegistration(context) } }),
    expect: registrantOrStaff(200),
  },
  'POST /api/webinars/registrations/{id}/cancel': {
    request: async (context) => ({ params: { id: await ownerRegistration(context) } }),
    expect: registrantOrStaff(200),
  },
  'POST /api/webinars/registrations/{id}/join': {
    request: async (context) => ({ params: { id: await ownerRegistration(context, { live: true }) } }),
    expect: registrantOnly(200),
  },
  'POST /api/webinars/registrations/{id}/leave': {
    request: async (context) => ({ params: { id: await ownerRegistration(context, { live: true, joined: true }) } }),
    expect: registrantOnly(200),
  },
  'POST /api/webinars/registrations/{id}/feedback': {
    request: async (context) => ({ params: { id: await ownerRegistration(context, { live: true, joined: true }) }, body: { rating: 4 } }),
    expect: registrantOnly(201),
  },
  'POST /api/webinars/registrations/{id}/engagement': {
    request: async (context) => ({
      params: { id: await ownerRegistration(context, { live: true, joined: true }) },
      body: { kind: 'question' },
    }),
    expect: registrantOrStaff(200),
  },
};
