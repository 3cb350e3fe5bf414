import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { EntitlementsRetention } from '../entitlements-retention.js';

const EVERY_MS = 3_600_000;

/** Hourly: removes long-expired overrides and old usage counters. */
@Injectable()
export class EntitlementsCleanupJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: EntitlementsRetention,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('entitlements.cleanup', EVERY_MS, async () => {
      const { overrides, counters } = await this.retention.purge();
      return { items: overrides + counters };
    });
  }
}
