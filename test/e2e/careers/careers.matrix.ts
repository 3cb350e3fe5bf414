import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { everyone, staffOnly } from '../access/expectations.js';
import { applicantEmail, applicationInput, postingInput } from '../../support/factories/careers.js';

const DAY_MS = 86_400_000;

/** The applicant or the desk; for anyone else the application does not exist, and without a session or token: 401. */
const applicantOrDesk = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** Only the applicant may (withdraw, answer an offer); the desk sees the application but may not do this to it. */
const applicantOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 403, admin: 403 });

const as = (user: { accessToken: string }) => ({ Authorization: `Bearer ${user.accessToken}` });

async function posting(context: ProbeContext): Promise<string> {
  return (await context.t.http().post('/api/careers/jobs').set(as(context.staff)).send(postingInput())).body.id;
}

/** An application the owner made signed in, moved by staff through `stages`. */
async function ownerApplication(context: ProbeContext, stages: string[] = []): Promise<string> {
  const postingId = await posting(context);
  const body = applicationInput(postingId, { email: context.owner.email });
  const id = (await context.t.http().post('/api/careers/applications').set(as(context.owner)).send(body)).body.id;
  for (const to of stages) await context.t.http().post(`/api/careers/applications/${id}/transitions`).set(as(context.staff)).send({ to });
  return id;
}

const offerBody = () => ({
  salary: 80_000_00,
  currency: 'EUR',
  startDate: '2027-04-01',
  expiresAt: new Date(Date.now() + 7 * DAY_MS).toISOString(),
});

async function offeredOwnerApplication(context: ProbeContext): Promise<string> {
  const id = await ownerApplication(context, ['screening', 'phone_interview', 'onsite_interview']);
  await context.t.http().post(`/api/careers/applications/${id}/offer`).set(as(context.staff)).send(offerBody());
  return id;
}

async function interviewedOwnerApplication(context: ProbeContext): Promise<{ id: string; interviewId: string }> {
  const id = await ownerApplication(context, ['screening']);
  const scheduled = await context.t
    .http()
    .post(`/api/careers/applications/${id}/interviews`)
    .set(as(context.staff))
    .send({ scheduledAt: new Date(Date.now() + DAY_MS).toISOString(), kind: 'video', interviewerIds: [context.staff.id] });
  return { id, interviewId: scheduled.body.interviews[0].id };
}

/** Careers' rows of the authorization matrix. */
export const CAREERS_MATRIX: Record<string, MatrixRow> = {
  'GET /api/careers/jobs': { request: () => ({ query: { department: 'Engineering' } }), expect: everyone(200) },
  'GET /api/careers/jobs/{postingId}': {
    request: async (context) => ({ params: { postingId: await posting(context) } }),
    expect: everyone(200),
  },
  'GET /api/careers/postings': { request: () => ({ query: { state: 'closed' } }), expect: staffOnly(200) },
  'POST /api/careers/jobs': { request: () => ({ body: postingInput() }), expect: staffOnly(201) },
  'PATCH /api/careers/jobs/{postingId}': {
    request: async (context) => ({ params: { postingId: await posting(context) }, body: { location: 'Remote' } }),
    expect: staffOnly(200),
  },
  'DELETE /api/careers/jobs/{postingId}': {
    request: async (context) => ({ params: { postingId: await posting(context) } }),
    expect: staffOnly(204),
  },

  'POST /api/careers/applications': {
    request: async (context) => ({ body: applicationInput(await posting(context), { email: applicantEmail() }) }),
    expect: everyone(201),
  },
  // The probe sends JSON; the upload route takes multipart only, whoever calls.
  'POST /api/careers/applications/upload': {
    request: async (context) => ({ body: applicationInput(await posting(context)) }),
    expect: everyone(415),
  },
  'POST /api/careers/applications/follow-up-link': { request: () => ({ body: { email: applicantEmail() } }), expect: everyone(202) },
  'GET /api/careers/applications/user/{userId}': {
    request: ({ owner }) => ({ params: { userId: owner.id } }),
    expect: applicantOrDesk(200),
  },
  'GET /api/careers/applications/email/{email}': {
    request: async (context) => {
      await ownerApplication(context);
      return { params: { email: context.owner.email } };
    },
    // Without the address's follow-up token only staff may list by address, the applicant included.
    expect: { anonymous: 401, owner: 404, other: 404, staff: 200, admin: 200 },
  },
  'GET /api/careers/applications/{applicationId}': {
    request: async (context) => ({ params: { applicationId: await ownerApplication(context) } }),
    expect: applicantOrDesk(200),
  },
  'POST /api/careers/applications/{id}/withdraw': {
    request: async (context) => ({ params: { id: await ownerApplication(context) }, body: {} }),
    expect: applicantOnly(200),
  },
  'POST /api/careers/applications/{id}/offer/accept': {
    request: async (context) => ({ params: { id: await offeredOwnerApplication(context) } }),
    expect: applicantOnly(200),
  },
  'POST /api/careers/applications/{id}/offer/decline': {
    request: async (context) => ({ params: { id: await offeredOwnerApplication(context) } }),
    expect: applicantOnly(200),
  },

  'GET /api/careers/applications': { request: () => ({ query: { status: 'submitted' } }), expect: staffOnly(200) },
  'GET /api/careers/applications/export': { request: () => ({ query: { format: 'json' } }), expect: staffOnly(200) },
  'GET /api/careers/applications/{id}/resume': {
    request: async (context) => ({ params: { id: await ownerApplication(context) } }),
    expect: staffOnly(200),
  },
  'POST /api/careers/applications/{id}/transitions': {
    request: async (context) => ({ params: { id: await ownerApplication(context) }, body: { to: 'screening' } }),
    expect: staffOnly(200),
  },
  'POST /api/careers/applications/{id}/reviewer': {
    request: async (context) => ({ params: { id: await ownerApplication(context) }, body: { reviewerId: context.staff.id } }),
    expect: staffOnly(200),
  },
  'POST /api/careers/applications/{id}/notes': {
    request: async (context) => ({ params: { id: await ownerApplication(context) }, body: { body: 'Internal only' } }),
    expect: staffOnly(201),
  },
  'POST /api/careers/applications/{id}/interviews': {
    request: async (context) => ({
      params: { id: await ownerApplication(context, ['screening']) },
      body: { scheduledAt: new Date(Date.now() + DAY_MS).toISOString(), kind: 'phone', interviewerIds: [context.staff.id] },
    }),
    expect: staffOnly(201),
  },
  'PATCH /api/careers/applications/{id}/interviews/{interviewId}': {
    request: async (context) => ({ params: await interviewedOwnerApplication(context), body: { score: 3 } }),
    expect: staffOnly(200),
  },
  'POST /api/careers/applications/{id}/offer': {
    request: async (context) => ({
      params: { id: await ownerApplication(context, ['screening', 'phone_interview', 'onsite_interview']) },
      body: offerBody(),
    }),
    expect: staffOnly(201),
  },
};
