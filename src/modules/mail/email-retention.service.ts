import { Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { EmailQueue } from './email-queue.repository.js';
import { MailConfig } from './mail.config.js';

const PURGE_BATCH = 1000;
const DAY_MS = 86_400_000;

/** Keeps the queue from growing forever: mail that ended is removed once EMAIL_RETENTION_DAYS have passed. */
@Injectable()
export class EmailRetention {
  constructor(
    private readonly queue: EmailQueue,
    private readonly policy: PermissionPolicy,
    private readonly config: MailConfig,
  ) {}

  /** Purges in bounded batches, so one night's backlog never becomes one long delete. Answers how many. */
  async purge(ctx: RequestContext, now = new Date()): Promise<number> {
    this.policy.require(ctx, 'mail.purge');
    const before = new Date(now.getTime() - this.config.EMAIL_RETENTION_DAYS * DAY_MS);
    let removed = 0;
    for (;;) {
      const purged = await this.queue.purgeEnded(before, PURGE_BATCH);
      removed += purged;
      if (purged < PURGE_BATCH) return removed;
    }
  }
}
