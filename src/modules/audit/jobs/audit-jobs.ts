import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { AuditConfig } from '../audit.config.js';
import { AuditRetention } from '../audit-retention.service.js';

export const AUDIT_PURGE_JOB = 'audit-log.purge';

/** The nightly purge of entries past retention. */
@Injectable()
export class AuditJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly retention: AuditRetention,
    private readonly config: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.cron(AUDIT_PURGE_JOB, this.config.AUDIT_PURGE_CRON, async () => ({
      items: await this.retention.purge(systemContext(AUDIT_PURGE_JOB)),
    }));
  }
}
