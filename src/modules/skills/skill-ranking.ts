import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import type { Skill } from './schemas/skill.schema.js';
import { LIVE, SkillsRepository } from './skills.repository.js';

type RankInput = {
  id: Types.ObjectId;
  name: string;
  learners: number;
  rating: number;
  ratings: number;
  learnersBefore: number;
  ratingsBefore: number;
  trendingScore: number;
};

/**
 * Ranks and trends from the stats. Rank 1 has the most learners; equal learners go to the better rated, then by
 * name, so every run ranks alike. The trend is the learners and ratings gained since the previous run plus half the
 * previous trend: recent growth counts most and fades by half each run.
 */
export function rankSkills(skills: readonly RankInput[]) {
  const ordered = [...skills].sort(
    (a, b) =>
      b.learners - a.learners || b.rating - a.rating || a.name.localeCompare(b.name) || a.id.toString().localeCompare(b.id.toString()),
  );
  return ordered.map((skill, index) => {
    const gained = Math.max(0, skill.learners - skill.learnersBefore) + Math.max(0, skill.ratings - skill.ratingsBefore);
    return {
      id: skill.id,
      rank: index + 1,
      trendingScore: Math.round((skill.trendingScore / 2 + gained) * 100) / 100,
      learners: skill.learners,
      ratings: skill.ratings,
    };
  });
}

/** The ranking job's work: recompute every live skill's rank and trend, and delete tombstones that owe nothing more. */
@Injectable()
export class SkillRanking {
  constructor(
    private readonly repository: SkillsRepository,
    private readonly policy: PermissionPolicy,
  ) {}

  async run(ctx: RequestContext): Promise<{ ranked: number; purged: number }> {
    this.policy.require(ctx, 'skill.stats');
    const rows = await this.repository.model
      .find(LIVE, { name: 1, stats: 1, trendingScore: 1 })
      .lean<Pick<Skill, '_id' | 'name' | 'stats' | 'trendingScore'>[]>();
    const ranked = rankSkills(
      rows.map((row) => ({
        id: row._id,
        name: row.name,
        learners: row.stats?.totalLearners ?? 0,
        rating: row.stats?.avgRating ?? 0,
        ratings: row.stats?.ratingCount ?? 0,
        learnersBefore: row.stats?.learnersAtLastRank ?? 0,
        ratingsBefore: row.stats?.ratingsAtLastRank ?? 0,
        trendingScore: row.trendingScore ?? 0,
      })),
    );
    const before = new Map(rows.map((row) => [row._id.toString(), row]));
    // Only what changed is written: most runs move few ranks.
    const changed = ranked.filter((row) => {
      const old = before.get(row.id.toString());
      return (
        old?.stats?.popularityRank !== row.rank ||
        (old?.trendingScore ?? 0) !== row.trendingScore ||
        (old?.stats?.learnersAtLastRank ?? 0) !== row.learners ||
        (old?.stats?.ratingsAtLastRank ?? 0) !== row.ratings
      );
    });
    await this.repository.writeRanks(changed);
    return { ranked: changed.length, purged: await this.repository.purgeRemoved() };
  }
}
