// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/** Who a session notice concerns and what it is about; times are ISO 8601 UTC, shown in `sessionTimezone`. */
export type SessionNotice = {
  sessionId: string;
  skillId: string;
  skillName: string;
  teacherId: string;
  learnerId: string;
  sessionStartsAt: string;
  sessionEndsAt: string;
  sessionTimezone: string;
  /** Who caused the change (the booking learner, the cancelling participant, staff); absent for the system. */
  actorId?: string;
};

/** A learner booked a session with a teacher. */
export type SessionBookedEvent = SessionNotice;

/** A session was called off before it took place. */
export type SessionCancelledEvent = SessionNotice & { cancellationReason?: string };

/** A scheduled session moved to a new slot; the previous start is kept for the notice. */
export type SessionRescheduledEvent = SessionNotice & { previousStartsAt: string; rescheduleReason?: string };

/** The teacher ended a session that took place; minutes exclude pauses. */
export type SessionCompletedEvent = SessionNotice & { sessionMinutes: number; sessionEndedAt: string };

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'sessions.session-booked': SessionBookedEvent;
    'sessions.session-cancelled': SessionCancelledEvent;
    'sessions.session-rescheduled': SessionRescheduledEvent;
    'sessions.session-completed': SessionCompletedEvent;
  }
}
