import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model, type PipelineStage, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { anyOf, compact, findPage, within } from '../../core/database/find-page.js';
import type { Page, PageQueryDto } from '../../core/http/pagination.js';
import type { SessionQueryDto, SessionRole, SessionRoleQueryDto, SessionStatisticsQueryDto } from './dto/session-input.dto.js';
import type { LearningSessionDto, SessionStatisticsDto } from './dto/session.dto.js';
import { LearningSession } from './schemas/learning-session.schema.js';
import { SessionAccess } from './session-access.js';
import { FINISHED_STATUSES, SESSION_STATUSES, SLOT_HOLDING_STATUSES, type SessionStatus } from './session.lifecycle.js';
import { toSessionDto } from './session.mapper.js';

type Filter = QueryFilter<LearningSession>;

/** The caller's side of their sessions: one role, or either (two indexed branches of an $or). */
function takingPart(userId: string, role?: SessionRole): Filter {
  const id = new Types.ObjectId(userId);
  if (role === 'teacher') return { 'participants.teacher': id };
  if (role === 'learner') return { 'participants.learner': id };
  return { $or: [{ 'participants.teacher': id }, { 'participants.learner': id }] };
}

/** Reading sessions: lists of the caller's own (staff: everyone's), one session, statistics. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectModel(LearningSession.name) private readonly sessions: Model<LearningSession>,
    private readonly policy: PermissionPolicy,
    private readonly access: SessionAccess,
  ) {}

  /**
   * Everyone sees only the sessions they take part in, latest start first; staff see all (newest bookings first
   * without filters) unless they ask for a role, which then means their own sessions in that role.
   */
  async list(ctx: RequestContext, query: SessionQueryDto): Promise<Page<LearningSessionDto>> {
    this.policy.require(ctx, 'session.list');
    const me = actorOf(ctx).id;
    const everyone = query.role === undefined && this.policy.can(ctx, 'session.list-all');
    const filter = compact({
      ...(everyone ? {} : takingPart(me, query.role)),
      status: query.status,
      'schedule.startTime': within(query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined),
    }) as Filter;
    const unfiltered = everyone && !query.status && !query.from && !query.to;
    return findPage(
      this.sessions,
      filter,
      query,
      (session) => toSessionDto(session, me),
      unfiltered ? { createdAt: -1 } : { 'schedule.startTime': -1 },
    );
  }

  /** The caller's own sessions in any status, latest start first, whatever their role on the platform. */
  async mine(ctx: RequestContext, query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.own(ctx, query, query.role, {}, { 'schedule.startTime': -1 });
  }

  /** Scheduled sessions and those under way, soonest first. */
  async upcoming(ctx: RequestContext, query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.own(ctx, query, query.role, { status: anyOf(SLOT_HOLDING_STATUSES) }, { 'schedule.startTime': 1 });
  }

  /** Completed, cancelled and no-show sessions, latest first. */
  async history(ctx: RequestContext, query: SessionRoleQueryDto): Promise<Page<LearningSessionDto>> {
    return this.own(ctx, query, query.role, { status: anyOf(FINISHED_STATUSES) }, { 'schedule.startTime': -1 });
  }

  async get(ctx: RequestContext, id: string): Promise<LearningSessionDto> {
    return toSessionDto(await this.access.load(ctx, id, 'session.read'), ctx.actor?.id);
  }

  /** The caller's counts and minutes; staff with `scope=all` get the platform's (403 for anyone else). */
  async statistics(ctx: RequestContext, query: SessionStatisticsQueryDto): Promise<SessionStatisticsDto> {
    this.policy.require(ctx, query.scope === 'all' ? 'session.statistics-all' : 'session.statistics');
    const me = new Types.ObjectId(actorOf(ctx).id);
    const match: Filter = query.scope === 'all' ? {} : takingPart(me.toString());
    const pipeline: PipelineStage[] = [
      { $match: match },
      {
        $group: {
          _id: { status: '$status', teaching: { $eq: ['$participants.teacher', me] } },
          count: { $sum: 1 },
          minutes: { $sum: { $ifNull: ['$activity.heldMinutes', 0] } },
        },
      },
    ];
    const [groups, upcoming] = await Promise.all([
      this.sessions.aggregate<{ _id: { status: SessionStatus; teaching: boolean }; count: number; minutes: number }>(pipeline),
      this.sessions.countDocuments({ ...match, status: 'scheduled', 'schedule.startTime': trusted({ $gt: new Date() }) } as Filter),
    ]);
    const byStatus = Object.fromEntries(SESSION_STATUSES.map((status) => [status, 0])) as Record<SessionStatus, number>;
    let minutesTaught = 0;
    let minutesLearned = 0;
    for (const group of groups) {
      byStatus[group._id.status] += group.count;
      if (group._id.status !== 'completed') continue;
      if (query.scope === 'all' || group._id.teaching) minutesTaught += group.minutes;
      if (query.scope === 'all' || !group._id.teaching) minutesLearned += group.minutes;
    }
    const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    return { scope: query.scope, total, byStatus, minutesTaught, minutesLearned, upcoming };
  }

  private own(
    ctx: RequestContext,
    query: PageQueryDto,
    role: SessionRole | undefined,
    extra: Filter,
    sort: Record<string, 1 | -1>,
  ): Promise<Page<LearningSessionDto>> {
    this.policy.require(ctx, 'session.list');
    const me = actorOf(ctx).id;
    return findPage(this.sessions, { ...takingPart(me, role), ...extra } as Filter, query, (session) => toSessionDto(session, me), sort);
  }
}
