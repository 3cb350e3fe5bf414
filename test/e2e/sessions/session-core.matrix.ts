import type { Actor, MatrixRow, ProbeContext } from '../access/route-matrix.js';
import { signedIn } from '../access/expectations.js';
import { bearer, registerUser } from '../../support/auth.js';
import { activeSkill, book, bookingBody, teach, teacherOf } from '../../support/factories/sessions.js';

const MINUTE_MS = 60_000;

/** The participants and staff see a session; for anyone else it does not exist. */
const participantOrStaff = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  owner: status,
  other: 404,
  staff: status,
  admin: status,
});
/** Only the teacher conducts a session; staff see it but may not. */
const teacherOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 403, admin: 403 });
/** The room is for participants only; staff are not handed it either. */
const participantsOnly = (status: number): Record<Actor, number> => ({ anonymous: 401, owner: status, other: 404, staff: 404, admin: 404 });

/** A session the probe's owner teaches, booked by a fresh learner, starting in two minutes; moved to `state` by the owner. */
async function ownerTeaches(context: ProbeContext, state: 'scheduled' | 'ongoing' | 'paused' = 'scheduled'): Promise<string> {
  const { t, owner } = context;
  const skillId = await activeSkill(t.app);
  await teach(t, owner, skillId);
  const learner = await registerUser(t);
  const booked = await book(t, learner, owner.id, skillId, { startInMinutes: 2 });
  const id = booked.body.id as string;
  if (state !== 'scheduled') await t.http().post(`/api/sessions/${id}/start`).set(bearer(owner));
  if (state === 'paused') await t.http().post(`/api/sessions/${id}/pause`).set(bearer(owner));
  return id;
}

const withSession = (state?: 'scheduled' | 'ongoing' | 'paused', body?: () => unknown) => async (context: ProbeContext) => ({
  params: { id: await ownerTeaches(context, state) },
  body: body?.() ?? {},
});

/** The sessions' own rows of the authorization matrix (booking, reading, moves). */
export const SESSION_CORE_MATRIX: Record<string, MatrixRow> = {
  'POST /api/sessions': {
    request: async ({ t }) => {
      const skillId = await activeSkill(t.app);
      const teacher = await teacherOf(t, skillId);
      return { body: bookingBody(teacher.id, skillId, { startInMinutes: 120 }) };
    },
    expect: signedIn(201),
  },
  'GET /api/sessions': { request: () => ({ query: { status: 'scheduled', role: 'learner' } }), expect: signedIn(200) },
  'GET /api/sessions/my-sessions': { request: () => ({ query: { role: 'teacher' } }), expect: signedIn(200) },
  'GET /api/sessions/upcoming': { request: () => ({}), expect: signedIn(200) },
  'GET /api/sessions/history': { request: () => ({}), expect: signedIn(200) },
  'GET /api/sessions/statistics': { request: () => ({}), expect: signedIn(200) },
  'GET /api/sessions/{id}': {
    request: async (context) => ({ params: { id: await ownerTeaches(context) } }),
    expect: participantOrStaff(200),
  },
  'POST /api/sessions/{id}/join': { request: withSession(), expect: participantsOnly(200) },
  'POST /api/sessions/{id}/start': { request: withSession(), expect: teacherOnly(200) },
  'POST /api/sessions/{id}/pause': { request: withSession('ongoing'), expect: teacherOnly(200) },
  'POST /api/sessions/{id}/resume': { request: withSession('paused'), expect: teacherOnly(200) },
  'POST /api/sessions/{id}/end': { request: withSession('ongoing'), expect: teacherOnly(200) },
  'POST /api/sessions/{id}/cancel': { request: withSession('scheduled', () => ({ reason: 'Matrix' })), expect: participantOrStaff(200) },
  'POST /api/sessions/{id}/reschedule': {
    request: withSession('scheduled', () => ({ startTime: new Date(Date.now() + 180 * MINUTE_MS).toISOString(), reason: 'Matrix' })),
    expect: participantOrStaff(200),
  },
};
