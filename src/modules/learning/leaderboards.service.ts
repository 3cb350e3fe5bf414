import { Injectable } from '@nestjs/common';
import { trusted, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { findPage } from '../../core/database/find-page.js';
import type { Page } from '../../core/http/pagination.js';
import type { LeaderboardQueryDto } from './dto/matching.dto.js';
import type { LeaderboardEntryDto } from './dto/profile.dto.js';
import { LearningConfig } from './learning.config.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import type { LearnerProfile } from './schemas/learner-profile.schema.js';

/** Teachers ranked by their standing from sessions: by rating (with enough ratings) or by sessions taught. */
@Injectable()
export class LeaderboardsService {
  constructor(
    private readonly profiles: LearnerProfilesRepository,
    private readonly config: LearningConfig,
    private readonly policy: PermissionPolicy,
  ) {}

  async teachers(ctx: RequestContext, query: LeaderboardQueryDto): Promise<Page<LeaderboardEntryDto>> {
    this.policy.require(ctx, 'learning.leaderboard');
    const byRating = query.by === 'rating';
    const filter = (
      byRating
        ? { 'standing.ratingCount': trusted({ $gte: this.config.LEARNING_LEADERBOARD_MIN_RATINGS }) }
        : { 'standing.sessionsTaught': trusted({ $gt: 0 }) }
    ) as QueryFilter<LearnerProfile>;
    const sort: Record<string, 1 | -1> = byRating
      ? { 'standing.rating': -1, 'standing.ratingCount': -1, _id: 1 }
      : { 'standing.sessionsTaught': -1, _id: 1 };
    let rank = (query.page - 1) * query.limit;
    return findPage(
      this.profiles.model,
      filter,
      query,
      (profile) => ({
        rank: ++rank,
        userId: profile.userId.toString(),
        rating: profile.standing?.rating ?? null,
        ratingCount: profile.standing?.ratingCount ?? 0,
        sessionsTaught: profile.standing?.sessionsTaught ?? 0,
      }),
      sort,
    );
  }
}
