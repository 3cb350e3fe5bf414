import { idOf, iso } from '../../core/http/serialize.js';
import type { LearningSessionDto } from './dto/session.dto.js';
import type { LearningSession, SessionRating } from './schemas/learning-session.schema.js';
import { minutesBetween } from './session-rules.js';

const rating = (given: SessionRating | undefined) =>
  given ? { rating: given.rating, comment: given.comment, at: iso(given.at)! } : undefined;

/** The caller's side of a session, or undefined when they take no part in it (staff). */
export function roleIn(session: Pick<LearningSession, 'participants'>, userId: string | undefined): 'teacher' | 'learner' | undefined {
  if (!userId) return undefined;
  if (session.participants.teacher.toString() === userId) return 'teacher';
  if (session.participants.learner.toString() === userId) return 'learner';
  return undefined;
}

/** Every view of a session; the video room never leaves here (POST /api/sessions/:id/join hands it out). */
export function toSessionDto(session: LearningSession, viewerId?: string): LearningSessionDto {
  const activity = session.activity ?? { joinedAt: {}, pausedMinutes: 0, rescheduling: [] };
  return {
    id: session._id.toString(),
    teacherId: session.participants.teacher.toString(),
    learnerId: session.participants.learner.toString(),
    skillId: session.skill.toString(),
    startTime: iso(session.schedule.startTime)!,
    endTime: iso(session.schedule.endTime)!,
    durationMinutes: minutesBetween(session.schedule.startTime, session.schedule.endTime),
    timezone: session.schedule.timezone,
    status: session.status,
    myRole: roleIn(session, viewerId),
    activity: {
      joinedAt: { teacher: iso(activity.joinedAt?.teacher), learner: iso(activity.joinedAt?.learner) },
      actualStartTime: iso(activity.actualStartTime),
      actualEndTime: iso(activity.actualEndTime),
      pausedAt: iso(activity.pausedAt),
      pausedMinutes: activity.pausedMinutes ?? 0,
      rescheduling: (activity.rescheduling ?? []).map((move) => ({
        from: iso(move.from)!,
        to: iso(move.to)!,
        toEnd: iso(move.toEnd),
        by: move.by.toString(),
        at: iso(move.at)!,
        reason: move.reason,
      })),
    },
    cancellation: session.cancellation
      ? {
          cancelledBy: idOf(session.cancellation.cancelledBy)!,
          cancelledAt: iso(session.cancellation.cancelledAt)!,
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
    createdAt: iso(session.createdAt)!,
    updatedAt: iso(session.updatedAt)!,
  };
}
