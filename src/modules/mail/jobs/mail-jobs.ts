import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { EmailRetention } from '../email-retention.service.js';
import { EmailWorker } from '../email-worker.js';
import { MailConfig } from '../mail.config.js';

/** The drain job (each tick claims its lease and sends one batch) and the nightly purge of ended mail. */
@Injectable()
export class MailJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly worker: EmailWorker,
    private readonly retention: EmailRetention,
    private readonly config: MailConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('email-queue.drain', this.config.EMAIL_DRAIN_INTERVAL_MS, async () => {
      const result = await this.worker.drainBatch(systemContext('email-queue.drain'), `${this.jobs.instanceId}:drain`);
      return { items: result.sent };
    });
    this.jobs.cron('email-queue.purge', this.config.EMAIL_PURGE_CRON, async () => ({
      items: await this.retention.purge(systemContext('email-queue.purge')),
    }));
  }
}
