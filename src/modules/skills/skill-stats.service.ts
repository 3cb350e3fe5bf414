import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import { SkillsRepository } from './skills.repository.js';

/** A reported time, or undefined when it is none (such a report is dropped, never retried forever). */
const instantOf = (value: string): Date | undefined => {
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
};
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0);

/**
 * The numbers other contexts report about skills. Each report is absolute and timed, and the write keeps it only when
 * it is newer than the one stored (the guard sits in the update's filter), so replays and late deliveries change nothing.
 */
@Injectable()
export class SkillStatsService {
  private readonly logger = new Logger(SkillStatsService.name);

  constructor(
    private readonly repository: SkillsRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  async recordHolders(ctx: RequestContext, skillId: string, teachers: number, learners: number, countedAt: string): Promise<boolean> {
    this.policy.require(ctx, 'skill.stats');
    const at = instantOf(countedAt);
    if (!isObjectId(skillId) || !at) return this.dropped('holders', skillId);
    return this.repository.setHolders(new Types.ObjectId(skillId), count(teachers), count(learners), at);
  }

  async recordStanding(
    ctx: RequestContext,
    skillId: string,
    rating: number | null,
    ratingCount: number,
    completed: number,
    standingAt: string,
  ): Promise<boolean> {
    this.policy.require(ctx, 'skill.stats');
    const at = instantOf(standingAt);
    if (!isObjectId(skillId) || !at) return this.dropped('standing', skillId);
    // No rating yet reads as 0 with a count of 0; a rating stays within the scale whatever was sent.
    const avg = typeof rating === 'number' && Number.isFinite(rating) ? Math.min(5, Math.max(0, Math.round(rating * 100) / 100)) : 0;
    return this.repository.setStanding(new Types.ObjectId(skillId), avg, count(ratingCount), count(completed), at);
  }

  private dropped(kind: string, skillId: string): false {
    this.logger.warn(`skill ${kind} report dropped: not a skill id or time (${String(skillId).slice(0, 64)})`);
    return false;
  }
}
