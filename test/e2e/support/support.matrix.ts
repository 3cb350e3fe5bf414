import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ContactMessage } from '../../../src/modules/support/schemas/contact-message.schema.js';
import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn, staffOnly } from '../access/expectations.js';

const DAY_MS = 86_400_000;

/** The owner or the desk; for anyone else the resource does not exist. */
const ownerOrDesk = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** Only the requester may (rate, reopen); the desk sees the resource but may not do this to it. */
const requesterOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 403, admin: 403 });

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

async function ownerTicket(context: ProbeContext): Promise<string> {
  const response = await context.t
    .http()
    .post('/api/support/tickets')
    .set(as(context.owner))
    .send({ subject: 'Matrix ticket', category: 'technical', message: 'Something is broken.' });
  return response.body.id;
}

async function resolvedOwnerTicket(context: ProbeContext): Promise<string> {
  const id = await ownerTicket(context);
  await context.t.http().post(`/api/support/tickets/${id}/transition`).set(as(context.staff)).send({ to: 'resolved' });
  return id;
}

const consultationBody = () => ({
  type: 'onboarding',
  company: { name: 'Matrix Inc' },
  project: { summary: 'Onboarding 20 people' },
  scheduledAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
  timezone: 'UTC',
});

const meeting = { url: 'https://meet.atrium-demo.com/matrix', provider: 'google-meet' };

async function ownerConsultation(context: ProbeContext, completed = false): Promise<string> {
  const id = (await context.t.http().post('/api/support/consultations').set(as(context.owner)).send(consultationBody())).body.id;
  if (!completed) return id;
  const staff = as(context.staff);
  await context.t.http().post(`/api/support/consultations/${id}/transition`).set(staff).send({ action: 'confirm', meeting });
  await context.t
    .http()
    .post(`/api/support/consultations/${id}/transition`)
    .set(staff)
    .send({ action: 'complete', outcome: { summary: 'Done' } });
  return id;
}

/** Stored directly: the contact form's per-address limit is for people, not for probes. */
async function contactMessage(context: ProbeContext): Promise<string> {
  const messages = context.t.app.get<Model<ContactMessage>>(getModelToken(ContactMessage.name));
  const created = await messages.create({
    name: 'Matrix',
    email: 'matrix@example.com',
    subject: 'Hello',
    message: 'Hi there',
    ip: '198.51.100.1',
  });
  return created._id.toString();
}

/** The support desk's rows of the authorization matrix. */
export const SUPPORT_MATRIX: Record<string, MatrixRow> = {
  'POST /api/support/tickets': {
    request: () => ({ body: { subject: 'Matrix ticket', category: 'billing', message: 'Question about an invoice.' } }),
    expect: signedIn(201),
  },
  'GET /api/support/tickets/user/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: ownerOrDesk(200) },
  'GET /api/support/tickets/{ticketId}': {
    request: async (context) => ({ params: { ticketId: await ownerTicket(context) } }),
    expect: ownerOrDesk(200),
  },
  'POST /api/support/tickets/{ticketId}/messages': {
    request: async (context) => ({ params: { ticketId: await ownerTicket(context) }, body: { body: 'Any news?' } }),
    expect: ownerOrDesk(201),
  },
  'POST /api/support/tickets/{ticketId}/satisfaction': {
    request: async (context) => ({ params: { ticketId: await resolvedOwnerTicket(context) }, body: { rating: 5 } }),
    expect: requesterOnly(201),
  },
  'POST /api/support/tickets/{ticketId}/reopen': {
    request: async (context) => ({ params: { ticketId: await resolvedOwnerTicket(context) }, body: {} }),
    expect: requesterOnly(200),
  },
  'GET /api/support/queue': { request: () => ({ query: { overdue: 'false' } }), expect: staffOnly(200) },
  'POST /api/support/tickets/{ticketId}/assign': {
    request: async (context) => ({ params: { ticketId: await ownerTicket(context) }, body: { assigneeId: context.staff.id } }),
    expect: staffOnly(200),
  },
  'POST /api/support/tickets/{ticketId}/transition': {
    request: async (context) => ({ params: { ticketId: await ownerTicket(context) }, body: { to: 'in_progress' } }),
    expect: staffOnly(200),
  },
  'POST /api/support/tickets/{ticketId}/notes': {
    request: async (context) => ({ params: { ticketId: await ownerTicket(context) }, body: { body: 'Internal only' } }),
    expect: staffOnly(201),
  },

  'POST /api/support/consultations': { request: () => ({ body: consultationBody() }), expect: signedIn(201) },
  'GET /api/support/consultations': { request: () => ({ query: { status: 'requested' } }), expect: staffOnly(200) },
  'GET /api/support/consultations/user/{userId}': { request: ({ owner }) => ({ params: { userId: owner.id } }), expect: ownerOrDesk(200) },
  'GET /api/support/consultations/{id}': {
    request: async (context) => ({ params: { id: await ownerConsultation(context) } }),
    expect: ownerOrDesk(200),
  },
  'POST /api/support/consultations/{id}/cancel': {
    request: async (context) => ({ params: { id: await ownerConsultation(context) }, body: {} }),
    expect: ownerOrDesk(200),
  },
  'POST /api/support/consultations/{id}/transition': {
    request: async (context) => ({ params: { id: await ownerConsultation(context) }, body: { action: 'confirm', meeting } }),
    expect: staffOnly(200),
  },
  'POST /api/support/consultations/{id}/feedback': {
    request: async (context) => ({ params: { id: await ownerConsultation(context, true) }, body: { rating: 4 } }),
    expect: requesterOnly(201),
  },

  'POST /api/contact': {
    request: () => ({ body: { name: 'Ada', email: 'ada@example.com', subject: 'Hello', message: 'Just saying hi.' } }),
    expect: { anonymous: 202, owner: 202, other: 202, staff: 202, admin: 202 },
  },
  'GET /api/support/contact-messages': { request: () => ({ query: { status: 'new' } }), expect: staffOnly(200) },
  'POST /api/support/contact-messages/{id}/triage': {
    request: async (context) => ({ params: { id: await contactMessage(context) }, body: { action: 'spam' } }),
    expect: staffOnly(200),
  },
};
