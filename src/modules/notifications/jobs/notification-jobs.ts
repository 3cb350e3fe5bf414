import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { EmailWorker } from '../email/email-worker.js';
import { NotificationsService } from '../notifications.service.js';
import { NotifyService } from '../notify.service.js';

/** The scheduled work of notifications; each tick claims its lease and calls one service. */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly worker: EmailWorker,
    private readonly notifications: NotificationsService,
    private readonly notify: NotifyService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('email-queue.drain', this.config.get('EMAIL_DRAIN_INTERVAL_MS'), async () => {
      const result = await this.worker.drainBatch(`${this.jobs.instanceId}:drain`);
      return { items: result.sent };
    });
    this.jobs.every('notifications.cleanup', this.config.get('NOTIFICATION_CLEANUP_INTERVAL_MS'), async () => ({
      items: await this.notifications.purgeExpired(),
    }));
    this.jobs.every('notifications.dispatch-scheduled', 15_000, async () => ({ items: await this.notify.dispatchDue(500) }));
  }
}
