import type { SkillCatalogue } from '../skills/index.js';
import type { LearningSession } from './schemas/learning-session.schema.js';
import type { SessionNotice } from './session-notices.events.js';

/**
 * A session's notice when the skill's name is already known: the reminder job builds a batch of them after one
 * catalogue lookup (SessionNotices.notice looks the skill up per session).
 */
export const sessionNoticeOf = (session: LearningSession, skillName: string, actorId?: string): SessionNotice => ({
  sessionId: session._id.toString(),
  skillId: session.skill.toString(),
  skillName,
  teacherId: session.participants.teacher.toString(),
  learnerId: session.participants.learner.toString(),
  sessionStartsAt: session.schedule.startTime.toISOString(),
  sessionEndsAt: session.schedule.endTime.toISOString(),
  sessionTimezone: session.schedule.timezone,
  ...(actorId ? { actorId } : {}),
});

/** The skills' names by id, for a batch of notices; a skill gone from the catalogue reads as "a skill". */
export async function skillNamesOf(catalogue: SkillCatalogue, sessions: readonly LearningSession[]): Promise<(id: string) => string> {
  const ids = [...new Set(sessions.map((session) => session.skill.toString()))];
  const found = ids.length ? await catalogue.summaries(ids) : new Map<string, { name: string }>();
  return (id) => found.get(id)?.name ?? 'a skill';
}
