import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model, type PipelineStage, type Types } from 'mongoose';
import { EffectsRelay, owedEffects, type EffectRequest } from '../../core/events/index.js';
import { LearningSession } from './schemas/learning-session.schema.js';
import type { SkillStandingEvent, TeacherStandingEvent } from './sessions.events.js';

/** The effect a session owes itself when its standings must be computed again (a learner rated it, it completed). */
export const RECOMPUTE_STANDING_EFFECT = 'sessions.recompute-standing';

type Tally = { ratingAverage: number | null; ratingCount: number; completed: number };

const roundedMean = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * Teachers' and skills' standing, always recomputed from the sessions collection (never incremented), so a
 * replayed recompute publishes the same absolute values. Only completed sessions count, and only they can
 * carry a rating; the learner's feedback is the rating of the teacher and of the session's skill.
 */
@Injectable()
export class SessionStanding {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly relay: EffectsRelay,
  ) {}

  /** The effect to write with a change that affects the standing of this session's teacher and skill. */
  static recomputeEffect(sessionId: Types.ObjectId, occasion: string): EffectRequest {
    const id = sessionId.toString();
    return { key: `standing:${id}:${occasion}`, name: RECOMPUTE_STANDING_EFFECT, payload: { sessionId: id, occasion } };
  }

  async teacher(teacherId: Types.ObjectId, at = new Date()): Promise<TeacherStandingEvent> {
    // Served by the { participants.teacher, schedule.startTime } index's prefix.
    const tally = await this.tally({ 'participants.teacher': teacherId });
    return {
      teacherId: teacherId.toString(),
      teacherRating: roundedMean(tally.ratingAverage),
      teacherRatingCount: tally.ratingCount,
      sessionsTaught: tally.completed,
      teacherStandingAt: at.toISOString(),
    };
  }

  async skill(skillId: Types.ObjectId, at = new Date()): Promise<SkillStandingEvent> {
    const tally = await this.tally({ skill: skillId });
    return {
      ratedSkillId: skillId.toString(),
      skillRating: roundedMean(tally.ratingAverage),
      skillRatingCount: tally.ratingCount,
      completedSessions: tally.completed,
      skillStandingAt: at.toISOString(),
    };
  }

  /**
   * Recomputes the standing of the session's teacher and skill and owes both events on the session, once per
   * occasion (the filter refuses a second copy of the same key), then delivers them.
   */
  async recomputeFor(sessionId: Types.ObjectId, occasion: string): Promise<void> {
    const session = await this.sessions
      .findById(sessionId, { participants: 1, skill: 1 })
      .lean<Pick<LearningSession, '_id' | 'participants' | 'skill'>>();
    if (!session) return;
    const at = new Date();
    const [teacher, skill] = await Promise.all([this.teacher(session.participants.teacher, at), this.skill(session.skill, at)]);
    const key = `${session._id.toString()}:${occasion}`;
    const effects = [
      ...this.relay.owe('sessions.teacher-standing', teacher, `teacher-standing:${key}`),
      ...this.relay.owe('sessions.skill-standing', skill, `skill-standing:${key}`),
    ];
    if (effects.length === 0) return;
    const owed = await this.sessions
      .findOneAndUpdate(
        { _id: session._id, 'effects.key': trusted({ $nin: effects.map((effect) => effect.key) }) },
        { $push: { effects: { $each: owedEffects(effects, at) } } },
        { returnDocument: 'after', projection: { effects: 1 } },
      )
      .lean<LearningSession>();
    if (owed) await this.relay.deliver(this.sessions, owed);
  }

  private async tally(match: Record<string, unknown>): Promise<Tally> {
    const pipeline: PipelineStage[] = [
      { $match: { ...match, status: 'completed' } },
      {
        $group: {
          _id: null,
          completed: { $sum: 1 },
          ratingSum: { $sum: { $ifNull: ['$feedback.learner.rating', 0] } },
          ratingCount: { $sum: { $cond: [{ $gt: [{ $ifNull: ['$feedback.learner.rating', 0] }, 0] }, 1, 0] } },
        },
      },
    ];
    const [row] = await this.sessions.aggregate<{ completed: number; ratingSum: number; ratingCount: number }>(pipeline);
    if (!row) return { ratingAverage: null, ratingCount: 0, completed: 0 };
    return {
      ratingAverage: row.ratingCount > 0 ? row.ratingSum / row.ratingCount : null,
      ratingCount: row.ratingCount,
      completed: row.completed,
    };
  }
}
