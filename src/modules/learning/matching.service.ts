import { Injectable } from '@nestjs/common';
import { trusted, Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { ValidationProblem } from '../../core/http/problem.js';
import {
  MAX_PERIOD_DAYS,
  type MatchedLearnersDto,
  type MatchedTeachersDto,
  type MatchLearnersQueryDto,
  type MatchTeachersQueryDto,
} from './dto/matching.dto.js';
import { LearningConfig } from './learning.config.js';
import { notTeaching } from './learning-problems.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import { rankTeachers, type TeacherCandidate } from './matching-score.js';
import type { LearnerProfile } from './schemas/learner-profile.schema.js';
import { overlapMinutes, windowsWithin, type Interval } from './weekly-time.js';

const DAY_MS = 86_400_000;
const DEFAULT_PERIOD_MS = 7 * DAY_MS;
const MAX_PERIOD_MS = MAX_PERIOD_DAYS * DAY_MS;
const MAX_LEARNER_CANDIDATES = 500;

/** Who could teach the caller a skill, and whom the caller could teach: bounded, deterministic rankings. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly config: LearningConfig,
    private readonly policy: PermissionPolicy,
  ) {}

  /**
   * Teachers of the skill other than the caller, scored by level, rating, price and shared availability
   * within [from, to). A caller who set no availability counts as available throughout the period.
   */
  async teachers(ctx: RequestContext, query: MatchTeachersQueryDto): Promise<MatchedTeachersDto> {
    this.policy.require(ctx, 'learning.match');
    const callerId = actorOf(ctx).id;
    const from = query.from ?? new Date();
    const to = query.to ?? new Date(from.getTime() + DEFAULT_PERIOD_MS);
    if (!(to > from) || to.getTime() - from.getTime() > MAX_PERIOD_MS)
      throw new ValidationProblem([{ field: 'to', message: 'must be after from, by at most 14 days' }]);
    const skill = new Types.ObjectId(query.skillId);
    const [caller, teachers] = await Promise.all([
      this.profiles.findByUser(callerId),
      this.profiles.model
        .find({ 'teachingSkills.skill': skill, userId: trusted({ $ne: new Types.ObjectId(callerId) }) } as QueryFilter<LearnerProfile>, {
          userId: 1,
          teachingSkills: 1,
          availability: 1,
          standing: 1,
        })
        .sort({ 'standing.rating': -1, _id: 1 })
        .limit(this.config.LEARNING_MATCH_CANDIDATES)
        .lean<LearnerProfile[]>(),
    ]);
    const period = { start: from.getTime(), end: to.getTime() };
    const callerWindows: Interval[] = caller?.availability ? windowsWithin(caller.availability, period.start, period.end) : [period];
    const details = new Map<string, { verified: boolean; ratingCount: number }>();
    const candidates: TeacherCandidate[] = teachers.map((teacher) => {
      const offer = teacher.teachingSkills.find((candidate) => candidate.skill.equals(skill))!;
      const userId = teacher.userId.toString();
      details.set(userId, { verified: offer.verification?.isVerified ?? false, ratingCount: teacher.standing?.ratingCount ?? 0 });
      const windows = teacher.availability ? windowsWithin(teacher.availability, period.start, period.end) : [];
      return {
        userId,
        level: offer.level,
        ...(offer.hourlyRate ? { hourlyRate: { amount: offer.hourlyRate.amount, currency: offer.hourlyRate.currency } } : {}),
        rating: teacher.standing?.rating ?? null,
        overlapMinutes: overlapMinutes(windows, callerWindows),
      };
    });
    return {
      skillId: query.skillId,
      from: from.toISOString(),
      to: to.toISOString(),
      items: rankTeachers(candidates, query.limit).map((match) => ({ ...match, ...details.get(match.userId)! })),
    };
  }

  /** For a teacher of the skill: the users who want to learn it, soonest target first (ties by user id). */
  async learners(ctx: RequestContext, query: MatchLearnersQueryDto): Promise<MatchedLearnersDto> {
    this.policy.require(ctx, 'learning.match');
    const callerId = actorOf(ctx).id;
    const skill = new Types.ObjectId(query.skillId);
    const caller = await this.profiles.findByUser(callerId);
    if (!caller?.teachingSkills.some((candidate) => candidate.skill.equals(skill))) throw notTeaching(query.skillId);
    const learners = await this.profiles.model
      .find({ 'learningSkills.skill': skill, userId: trusted({ $ne: caller.userId }) } as QueryFilter<LearnerProfile>, {
        userId: 1,
        learningSkills: 1,
      })
      .sort({ _id: 1 })
      .limit(MAX_LEARNER_CANDIDATES)
      .lean<LearnerProfile[]>();
    const wanted = learners.map((learner) => ({
      userId: learner.userId.toString(),
      want: learner.learningSkills.find((s) => s.skill.equals(skill))!,
    }));
    const due = (target?: Date) => target?.getTime() ?? Number.MAX_SAFE_INTEGER;
    wanted.sort((a, b) => due(a.want.targetDate) - due(b.want.targetDate) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    return {
      skillId: query.skillId,
      items: wanted.slice(0, query.limit).map(({ userId, want }) => ({
        userId,
        ...(want.currentLevel ? { currentLevel: want.currentLevel } : {}),
        goalLevel: want.goalLevel,
        ...(want.targetDate ? { targetDate: want.targetDate.toISOString() } : {}),
      })),
    };
  }
}
