// The baseline's own learning sessions: GET /sessions/my-sessions with Atrium's work and nothing more. The token and
// account check; the query validated as Atrium's DTO reads it (page, limit, an optional role; unknown fields refused);
// the same filter (the caller as teacher or learner: two indexed branches of an $or, or one side when a role is
// asked), the same order (latest start first, then id), skip/limit and countDocuments on `sessions`, and the same
// answer, without the video room (handed out only by the join call).
import { ObjectId } from 'mongodb';

const ROLES = ['teacher', 'learner'];
const MINUTE_MS = 60_000;
const iso = (date) => (date ? new Date(date).toISOString() : undefined);

function pageOf(query) {
  if (Object.keys(query).some((key) => !['page', 'limit', 'role'].includes(key))) return undefined;
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(page) || page < 1 || page > 10_000 || !Number.isInteger(limit) || limit < 1 || limit > 100) return undefined;
  if (query.role !== undefined && !ROLES.includes(query.role)) return undefined;
  return { page, limit, role: query.role };
}

const rating = (given) => (given ? { rating: given.rating, comment: given.comment, at: iso(given.at) } : undefined);

function sessionOf(session, viewerId) {
  const activity = session.activity ?? { joinedAt: {}, pausedMinutes: 0, rescheduling: [] };
  const teacherId = session.participants.teacher.toHexString();
  const learnerId = session.participants.learner.toHexString();
  return {
    id: session._id.toHexString(),
    teacherId,
    learnerId,
    skillId: session.skill.toHexString(),
    startTime: iso(session.schedule.startTime),
    endTime: iso(session.schedule.endTime),
    durationMinutes: Math.round((session.schedule.endTime - session.schedule.startTime) / MINUTE_MS),
    timezone: session.schedule.timezone,
    status: session.status,
    myRole: viewerId === teacherId ? 'teacher' : viewerId === learnerId ? 'learner' : undefined,
    activity: {
      joinedAt: { teacher: iso(activity.joinedAt?.teacher), learner: iso(activity.joinedAt?.learner) },
      actualStartTime: iso(activity.actualStartTime),
      actualEndTime: iso(activity.actualEndTime),
      pausedAt: iso(activity.pausedAt),
      pausedMinutes: activity.pausedMinutes ?? 0,
      rescheduling: (activity.rescheduling ?? []).map((move) => ({
        from: iso(move.from),
        to: iso(move.to),
        toEnd: iso(move.toEnd),
        by: move.by.toHexString(),
        at: iso(move.at),
        reason: move.reason,
      })),
    },
    cancellation: session.cancellation
      ? {
          cancelledBy: session.cancellation.cancelledBy?.toHexString(),
          cancelledAt: iso(session.cancellation.cancelledAt),
          reason: session.cancellation.reason,
        }
      : undefined,
    pricing: {
      amount: session.pricing.amount,
      currency: session.pricing.currency,
      paymentStatus: session.pricing.paymentStatus,
      transactionId: session.pricing.transactionId,
    },
    notes: session.notes,
    recordingUrl: session.recordingUrl,
    feedback: { teacher: rating(session.feedback?.teacher), learner: rating(session.feedback?.learner) },
    createdAt: iso(session.createdAt),
    updatedAt: iso(session.updatedAt),
  };
}

export function registerSessionsRoutes(app, { db, actorOf }) {
  const sessions = db.collection('sessions');

  app.get('/sessions/my-sessions', async (request, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    const query = pageOf(request.query);
    if (!query) return reply.code(400).send({ status: 400 });
    const me = new ObjectId(actor.id);
    const filter =
      query.role === 'teacher'
        ? { 'participants.teacher': me }
        : query.role === 'learner'
          ? { 'participants.learner': me }
          : { $or: [{ 'participants.teacher': me }, { 'participants.learner': me }] };
    const [items, total] = await Promise.all([
      sessions
        .find(filter)
        .sort({ 'schedule.startTime': -1, _id: -1 })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .toArray(),
      sessions.countDocuments(filter),
    ]);
    return { items: items.map((session) => sessionOf(session, actor.id)), total, page: query.page, limit: query.limit };
  });
}
