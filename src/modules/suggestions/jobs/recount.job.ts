import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { SuggestionsConfig } from '../suggestions.config.js';
import { VotesService } from '../votes.service.js';

export const SUGGESTIONS_RECOUNT_JOB = 'suggestions.recount';

/** The nightly recount: every suggestion's counters set from its votes; items are the counters that had drifted. */
@Injectable()
export class RecountJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly votes: VotesService,
    private readonly config: SuggestionsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.cron(SUGGESTIONS_RECOUNT_JOB, this.config.SUGGESTIONS_RECOUNT_CRON, async () => ({
      items: await this.votes.recountAll(systemContext(SUGGESTIONS_RECOUNT_JOB)),
    }));
  }
}
