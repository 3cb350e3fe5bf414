import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { WebinarNotices } from '../webinar-notices.js';
import { WebinarsConfig } from '../webinars.config.js';

export const WEBINAR_REMINDERS_JOB = 'webinars.reminders';

/** Reminders 24 hours and one hour before a webinar starts; the tick runs on one instance, and each reminder is claimed per registration. */
@Injectable()
export class WebinarRemindersJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    private readonly notices: WebinarNotices,
    private readonly config: WebinarsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(WEBINAR_REMINDERS_JOB, this.config.WEBINAR_REMINDER_EVERY_SECONDS * 1000, () => this.run());
  }

  async run(now = new Date()): Promise<{ items: number }> {
    return { items: await this.notices.remindDue(now) };
  }
}
