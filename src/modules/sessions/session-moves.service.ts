import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { iso } from '../../core/http/serialize.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { originOf, transition, type Trigger } from '../../core/lifecycle/index.js';
import type { LearningSessionDto, SessionJoinDto } from './dto/session.dto.js';
import { LearningSession } from './schemas/learning-session.schema.js';
import { SessionAccess } from './session-access.js';
import { SessionNotices } from './session-notices.js';
import { minutesBetween, minutesHeld } from './session-rules.js';
import { SLOT_HOLDING_STATUSES, sessionLifecycle, type SessionStatus } from './session.lifecycle.js';
import { roleIn, toSessionDto } from './session.mapper.js';
import { SessionsConfig } from './sessions.config.js';
import { badTiming } from './sessions-problems.js';

const MINUTE = 60_000;

/** One action's move: the states it starts from (all by default), where it goes, who makes it, what changes with it. */
type Move = {
  from?: readonly SessionStatus[];
  to: SessionStatus;
  trigger?: Trigger;
  set: Record<string, unknown>;
  effects?: readonly EffectRequest[];
  reason?: string;
};

/** Minutes a paused session has been paused so far, added to its total when it resumes or ends. */
const pauseSoFar = (session: LearningSession, now: Date) =>
  session.activity?.pausedAt ? Math.max(0, minutesBetween(session.activity.pausedAt, now)) : 0;

/** What happens in a session once it is booked: joining the room, the teacher's moves, cancelling. */
@Injectable()
export class SessionMovesService {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly access: SessionAccess,
    private readonly relay: EffectsRelay,
    private readonly notices: SessionNotices,
    private readonly config: SessionsConfig,
  ) {}

  /**
   * The room, for participants only, from SESSIONS_JOIN_OPENS_MINUTES before the start until the booked end
   * (and for as long as it runs once started). Outside that window: 409 with the window in the answer.
   */
  async join(ctx: RequestContext, id: string): Promise<SessionJoinDto> {
    const session = await this.access.load(ctx, id, 'session.join');
    const role = roleIn(session, actorOf(ctx).id)!;
    const now = new Date();
    const opensAt = new Date(session.schedule.startTime.getTime() - this.config.SESSIONS_JOIN_OPENS_MINUTES * MINUTE);
    const closesAt = session.schedule.endTime;
    const running = session.status === 'ongoing' || session.status === 'paused';
    if (!SLOT_HOLDING_STATUSES.includes(session.status))
      throw badTiming('session-closed', 'Session closed', `The session is ${session.status}; its room is closed.`);
    if (!running && now < opensAt) throw badTiming('join-not-open', 'Too early to join', `The room opens at ${opensAt.toISOString()}.`);
    if (!running && now > closesAt) throw badTiming('join-closed', 'Too late to join', 'The session’s booked time is over.');
    // The first join of each side is kept; later joins hand out the room again without moving it.
    const joined = await this.sessions
      .findOneAndUpdate(
        { _id: session._id, [`activity.joinedAt.${role}`]: null } as QueryFilter<LearningSession>,
        { $set: { [`activity.joinedAt.${role}`]: now } },
        { returnDocument: 'after' },
      )
      .lean<LearningSession>();
    const joinedAt = (joined ?? session).activity?.joinedAt?.[role] ?? now;
    return {
      sessionId: session._id.toString(),
      role,
      videoRoomId: session.videoRoom.videoRoomId,
      joinUrl: session.videoRoom.joinUrl,
      password: session.videoRoom.password,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      joinedAt: iso(joinedAt)!,
    };
  }

  /** The teacher starts, from SESSIONS_START_EARLY_MINUTES before the booked start until its booked end. */
  async start(ctx: RequestContext, id: string): Promise<LearningSessionDto> {
    const session = await this.access.loadAsTeacher(ctx, id);
    const now = new Date();
    if (session.status === 'scheduled') {
      const earliest = new Date(session.schedule.startTime.getTime() - this.config.SESSIONS_START_EARLY_MINUTES * MINUTE);
      if (now < earliest)
        throw badTiming('start-too-early', 'Too early to start', `The session can be started from ${earliest.toISOString()}.`);
      if (now > session.schedule.endTime) throw badTiming('session-over', 'Session time over', 'The session’s booked time is over.');
    }
    return this.move(ctx, session, { from: ['scheduled'], to: 'ongoing', set: { 'activity.actualStartTime': now } });
  }

  async pause(ctx: RequestContext, id: string): Promise<LearningSessionDto> {
    const session = await this.access.loadAsTeacher(ctx, id);
    return this.move(ctx, session, { from: ['ongoing'], to: 'paused', set: { 'activity.pausedAt': new Date() } });
  }

  /** Paused → ongoing; the pause's minutes join the total (pausedAt changes only with the status, so the read is current). */
  async resume(ctx: RequestContext, id: string): Promise<LearningSessionDto> {
    const session = await this.access.loadAsTeacher(ctx, id);
    const now = new Date();
    return this.move(ctx, session, {
      from: ['paused'],
      to: 'ongoing',
      set: { 'activity.pausedAt': null, 'activity.pausedMinutes': (session.activity?.pausedMinutes ?? 0) + pauseSoFar(session, now) },
    });
  }

  /** Ongoing or paused → completed; tells both sides and the teacher's standing. */
  async end(ctx: RequestContext, id: string): Promise<LearningSessionDto> {
    const session = await this.access.loadAsTeacher(ctx, id);
    const now = new Date();
    const pausedMinutes = (session.activity?.pausedMinutes ?? 0) + pauseSoFar(session, now);
    const heldMinutes = minutesHeld(session.activity?.actualStartTime, now, pausedMinutes);
    const notice = await this.notices.notice(session, ctx.actor?.id);
    const effects = this.notices.completed({ ...notice, sessionMinutes: heldMinutes, sessionEndedAt: now.toISOString() });
    return this.move(ctx, session, {
      from: ['ongoing', 'paused'],
      to: 'completed',
      set: {
        'activity.actualEndTime': now,
        'activity.pausedAt': null,
        'activity.pausedMinutes': pausedMinutes,
        'activity.heldMinutes': heldMinutes,
      },
      effects,
    });
  }

  /** Either participant before the start; staff any time before it ends. */
  async cancel(ctx: RequestContext, id: string, reason?: string): Promise<LearningSessionDto> {
    const session = await this.access.load(ctx, id, 'session.cancel');
    const actorId = actorOf(ctx).id;
    const trigger: Trigger = roleIn(session, actorId) ? 'participant' : 'staff';
    const now = new Date();
    if (trigger === 'participant' && session.status === 'scheduled' && now >= session.schedule.startTime)
      throw badTiming('cancel-too-late', 'Too late to cancel', 'A session can be cancelled by its participants only before it starts.');
    const notice = await this.notices.notice(session, actorId);
    return this.move(ctx, session, {
      to: 'cancelled',
      trigger,
      set: { cancellation: { cancelledBy: actorId, cancelledAt: now, reason }, 'activity.pausedAt': null },
      effects: this.notices.cancelled({ ...notice, cancellationReason: reason }),
      reason,
    });
  }

  /**
   * One move through the table. Each action names the states it starts from (start only from scheduled, so a
   * paused session is resumed, never started again); a move to the current state is refused here with the
   * table's 409, where `transition` alone would answer it as a no-op.
   */
  private async move(ctx: RequestContext, session: LearningSession, move: Move): Promise<LearningSessionDto> {
    const { to, set, effects = [], reason, trigger = 'participant', from = sessionLifecycle.states } = move;
    if (!from.includes(session.status)) throw new IllegalTransitionProblem('session', session.status, to);
    sessionLifecycle.assertMove(session.status, to, trigger);
    const { moved, document } = await transition(this.sessions, sessionLifecycle, {
      id: session._id,
      to,
      origin: originOf(ctx, trigger, reason),
      set,
      effects,
      // Timings and minutes above were checked and computed on this read: a status changed meanwhile is a 409.
      expectedFrom: session.status,
    });
    if (moved) await this.relay.deliver(this.sessions, document);
    return toSessionDto(document, ctx.actor?.id);
  }
}
