import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import type { EffectRequest } from '../../core/events/index.js';
import { EffectsRelay } from '../../core/events/index.js';
import { SkillCatalogue } from '../skills/index.js';
import type { LearningSession } from './schemas/learning-session.schema.js';
import type { SessionCancelledEvent, SessionCompletedEvent, SessionNotice, SessionRescheduledEvent } from './session-notices.events.js';

type Slot = { startTime: Date; endTime: Date };

/**
 * The notices a session change owes, built before the change is written so they go into the same update.
 * Keys are unique per occurrence: a session is booked, cancelled and completed once, rescheduled many times.
 */
@Injectable()
export class SessionNotices {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly skills: SkillCatalogue,
  ) {}

  async notice(
    session: Pick<LearningSession, '_id' | 'participants' | 'skill' | 'schedule'>,
    actorId?: string,
    slot?: Slot,
  ): Promise<SessionNotice> {
    const skillId = session.skill.toString();
    const skill = (await this.skills.summaries([skillId])).get(skillId);
    return {
      sessionId: session._id.toString(),
      skillId,
      skillName: skill?.name ?? 'a skill',
      teacherId: session.participants.teacher.toString(),
      learnerId: session.participants.learner.toString(),
      sessionStartsAt: (slot ?? session.schedule).startTime.toISOString(),
      sessionEndsAt: (slot ?? session.schedule).endTime.toISOString(),
      sessionTimezone: session.schedule.timezone,
      actorId,
    };
  }

  booked(notice: SessionNotice): EffectRequest[] {
    return this.relay.owe('sessions.session-booked', notice, `session-booked:${notice.sessionId}`);
  }

  cancelled(notice: SessionCancelledEvent): EffectRequest[] {
    return this.relay.owe('sessions.session-cancelled', notice, `session-cancelled:${notice.sessionId}`);
  }

  rescheduled(notice: SessionRescheduledEvent): EffectRequest[] {
    const occurrence = new Types.ObjectId().toString();
    return this.relay.owe('sessions.session-rescheduled', notice, `session-rescheduled:${notice.sessionId}:${occurrence}`);
  }

  completed(notice: SessionCompletedEvent): EffectRequest[] {
    return this.relay.owe('sessions.session-completed', notice, `session-completed:${notice.sessionId}`);
  }
}
