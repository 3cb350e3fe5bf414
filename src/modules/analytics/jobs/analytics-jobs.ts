import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { AnalyticsConfig } from '../analytics.config.js';
import { AnalyticsRetention } from '../analytics-retention.service.js';

export const ANALYTICS_PURGE_JOB = 'analytics.purge';

/** The nightly purge of tracking data past retention. */
@Injectable()
export class AnalyticsJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: AnalyticsRetention,
    private readonly config: AnalyticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.cron(ANALYTICS_PURGE_JOB, this.config.ANALYTICS_PURGE_CRON, async () => ({
      items: await this.retention.purge(systemContext(ANALYTICS_PURGE_JOB)),
    }));
  }
}
