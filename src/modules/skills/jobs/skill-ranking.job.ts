import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { SkillRanking } from '../skill-ranking.js';
import { SkillsConfig } from '../skills.config.js';

export const SKILL_RANKING_JOB = 'skills.ranking';

/** Popularity ranks and trending scores, recomputed on one instance per tick (the job runner's lease). */
@Injectable()
export class SkillRankingJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly ranking: SkillRanking,
    private readonly config: SkillsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(SKILL_RANKING_JOB, this.config.SKILLS_RANKING_EVERY_SECONDS * 1000, (tick) => this.run(tick));
  }

  async run(tick = Date.now()): Promise<{ items: number }> {
    const { ranked, purged } = await this.ranking.run(systemContext(`${SKILL_RANKING_JOB}:${tick}`));
    return { items: ranked + purged };
  }
}
