import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { TenantWebhooksConfig } from '../tenant-webhooks.config.js';
import { WebhookSender } from '../webhook-sender.js';

export const DELIVER_JOB = 'tenant-webhooks.deliver';

/** Sends due deliveries (retries, and first attempts the immediate send missed), one instance per tick. */
@Injectable()
export class TenantWebhooksDeliverJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly sender: WebhookSender,
    private readonly config: TenantWebhooksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(DELIVER_JOB, this.config.TENANT_WEBHOOKS_DELIVER_EVERY_SECONDS * 1000, async () => ({
      items: await this.sender.drain(),
    }));
  }
}
