import { Injectable, type OnModuleInit } from '@nestjs/common';
import { anyOf } from '../../core/database/find-page.js';
import { QueueDepths } from '../../core/metrics/index.js';
import { EmailQueue } from './email-queue.repository.js';
import { CLAIMABLE_STATUSES } from './email.lifecycle.js';
import type { QueuedEmail } from './schemas/queued-email.schema.js';

/**
 * The email queue's depth for GET /metrics: pending is what a worker may still claim (new mail, and
 * mail waiting for a retry or its scheduled time), dead what ran out of attempts. Each read is one query
 * on the `{ status, createdAt }` index.
 */
@Injectable()
export class EmailQueueDepth implements OnModuleInit {
  constructor(
    private readonly queue: EmailQueue,
    private readonly depths: QueueDepths,
  ) {}

  onModuleInit(): void {
    const emails = this.queue.model;
    this.depths.register({
      name: 'email',
      pending: () => emails.countDocuments({ status: anyOf(CLAIMABLE_STATUSES) }),
      dead: () => emails.countDocuments({ status: 'dead' }),
      oldestPendingAgeSeconds: async () => {
        const oldest = await emails
          .findOne({ status: anyOf(CLAIMABLE_STATUSES) }, { _id: 0, createdAt: 1 })
          .sort({ createdAt: 1 })
          .lean<Pick<QueuedEmail, 'createdAt'>>();
        return oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
      },
    });
  }
}
