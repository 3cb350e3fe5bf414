import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { NotificationsConfig } from '../notifications.config.js';
import { NotificationsService } from '../notifications.service.js';
import { NotifyService } from '../notify.service.js';

const DISPATCH_EVERY_MS = 15_000;
const DISPATCH_BATCH = 500;

/** The scheduled work of notifications; each tick claims its lease and calls one service. */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationsService,
    private readonly notify: NotifyService,
    private readonly config: NotificationsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('notifications.cleanup', this.config.NOTIFICATION_CLEANUP_INTERVAL_MS, async () => ({
      items: await this.notifications.purgeExpired(systemContext('notifications.cleanup')),
    }));
    this.jobs.every('notifications.dispatch-scheduled', DISPATCH_EVERY_MS, async () => ({
      items: await this.notify.dispatchDue(systemContext('notifications.dispatch-scheduled'), DISPATCH_BATCH),
    }));
  }
}
