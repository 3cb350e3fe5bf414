import type { ReminderKind } from './schemas/learning-session.schema.js';
import type { SessionNotice } from './session-notices.events.js';

// Payloads are type aliases (the relay stores them as plain records); field names stay unique across the catalogue.

/**
 * A scheduled session starts within a day or within 15 minutes; owed once per session and kind (the
 * kind is named `sessionReminderKind`, not `reminderKind`, because webinars' reminder kinds differ).
 */
export type SessionReminderEvent = SessionNotice & { sessionReminderKind: ReminderKind };

/**
 * A teacher's standing, recomputed from their sessions after one completed or was rated. Absolute values with
 * the time they were computed, so a listener keeps the newest whatever the delivery order.
 */
export type TeacherStandingEvent = {
  teacherId: string;
  /** Mean of learners' ratings (1–5, two decimals); null before the first rating. */
  teacherRating: number | null;
  teacherRatingCount: number;
  /** Completed sessions taught. */
  sessionsTaught: number;
  /** ISO 8601. */
  teacherStandingAt: string;
};

/** A skill's standing from its sessions, recomputed the same way. */
export type SkillStandingEvent = {
  ratedSkillId: string;
  /** Mean of learners' ratings of sessions in this skill; null before the first. */
  skillRating: number | null;
  skillRatingCount: number;
  completedSessions: number;
  /** ISO 8601. */
  skillStandingAt: string;
};

declare module '../../core/events/event-catalogue.js' {
  interface EventCatalogue {
    'sessions.teacher-standing': TeacherStandingEvent;
    'sessions.skill-standing': SkillStandingEvent;
    'sessions.reminder': SessionReminderEvent;
  }
}
