import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay, owedEffects } from '../../core/events/index.js';
import { ProblemException } from '../../core/http/problem.js';
import type { SessionFeedbackDto, SessionFeedbackInputDto } from './dto/session-feedback.dto.js';
import { LearningSession, type SessionRating } from './schemas/learning-session.schema.js';
import { subjectOfSession } from './session-access.js';
import { SessionStanding } from './session-standing.js';

type Side = 'teacher' | 'learner';
type FeedbackFacts = Pick<LearningSession, '_id' | 'participants' | 'status' | 'feedback'>;

/**
 * Feedback after a session: each participant rates it once, only once it is completed. The "once" is in the
 * update's filter (no rating on that side yet), so of two concurrent submissions one wins and the other is 409.
 * A learner's rating moves the teacher's and the skill's standing: the update owes their recompute, which
 * publishes the standing events other contexts keep (nobody is called directly).
 */
@Injectable()
export class SessionFeedbackService {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
  ) {}

  async give(ctx: RequestContext, id: string, input: SessionFeedbackInputDto): Promise<SessionFeedbackDto> {
    const session = await this.sessions.findById(id, { participants: 1, status: 1, feedback: 1 }).lean<FeedbackFacts>();
    if (!session) throw new NotFoundException('No such session.');
    this.policy.requireOn(ctx, 'session.read', subjectOfSession(session), 'session');
    if (!this.policy.can(ctx, 'session.feedback', subjectOfSession(session)))
      throw new ForbiddenException('Only the session’s teacher and learner give feedback on it.');
    const side: Side = session.participants.teacher.toString() === ctx.actor?.id ? 'teacher' : 'learner';
    if (session.status !== 'completed')
      throw new ProblemException(409, 'session-not-completed', 'Session not completed', 'Feedback opens once the session is completed.');
    if (session.feedback?.[side]) throw alreadyGiven();

    const now = new Date();
    const rating: SessionRating = { rating: input.rating, comment: input.comment?.trim() || undefined, at: now };
    const effects = side === 'learner' ? [SessionStanding.recomputeEffect(session._id, 'learner-feedback')] : [];
    const rated = await this.sessions
      .findOneAndUpdate(
        { _id: session._id, status: 'completed', [`feedback.${side}.rating`]: trusted({ $exists: false }) },
        {
          $set: { [`feedback.${side}`]: rating },
          ...(effects.length ? { $push: { effects: { $each: owedEffects(effects, now) } } } : {}),
        },
        { returnDocument: 'after' },
      )
      .lean<LearningSession>();
    if (!rated) throw alreadyGiven();
    await this.relay.deliver(this.sessions, rated);
    return { sessionId: id, side, rating: rating.rating, comment: rating.comment, at: now.toISOString() };
  }

  /** A deleted user's words (feedback comments, booking notes) leave the sessions they took part in; the ratings stay (they are the others' standing). */
  async eraseWordsOf(ctx: RequestContext, userId: Types.ObjectId): Promise<void> {
    this.policy.require(ctx, 'session.erase');
    await this.sessions.updateMany({ 'participants.teacher': userId }, { $unset: { 'feedback.teacher.comment': 1 } });
    // The notes are the booking learner's.
    await this.sessions.updateMany({ 'participants.learner': userId }, { $unset: { 'feedback.learner.comment': 1, notes: 1 } });
  }
}

const alreadyGiven = () =>
  new ProblemException(409, 'feedback-already-given', 'Feedback already given', 'Each side gives feedback on a session once.');
