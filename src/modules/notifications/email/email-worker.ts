import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config.js';
import type { QueuedEmail } from '../schemas/email-queue.schema.js';
import { EmailQueueService } from './email-queue.service.js';
import { Mailer } from './mailer.js';

export interface DrainResult {
  sent: number;
  failed: number;
}

/** Claims due email in batches and sends it with bounded concurrency. */
@Injectable()
export class EmailWorker {
  constructor(
    private readonly queue: EmailQueueService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /** One batch: up to EMAIL_BATCH_SIZE claims, EMAIL_CONCURRENCY sends at a time. */
  async drainBatch(workerId: string, options: { batchSize?: number; concurrency?: number; leaseMs?: number } = {}): Promise<DrainResult> {
    const batchSize = options.batchSize ?? this.config.get('EMAIL_BATCH_SIZE');
    const concurrency = options.concurrency ?? this.config.get('EMAIL_CONCURRENCY');
    const leaseMs = options.leaseMs ?? this.config.get('EMAIL_LEASE_MS');
    const result: DrainResult = { sent: 0, failed: 0 };
    let claimed = 0;
    const lane = async () => {
      while (claimed < batchSize) {
        claimed++;
        const email = await this.queue.claim(workerId, leaseMs);
        if (!email) return;
        if (await this.deliver(email, workerId)) result.sent++;
        else result.failed++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return result;
  }

  /** Batches until nothing is due (tests, benchmarks, and the scheduled job's catch-up). */
  async drainAll(workerId: string, options: { batchSize?: number; concurrency?: number; leaseMs?: number } = {}): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await this.drainBatch(workerId, options);
      total.sent += batch.sent;
      total.failed += batch.failed;
      if (batch.sent + batch.failed === 0) return total;
    }
  }

  private async deliver(email: QueuedEmail, workerId: string): Promise<boolean> {
    try {
      const messageId = await this.mailer.send({
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: { 'X-Atrium-Email-Id': email._id.toString() },
      });
      await this.queue.markSent(email, workerId, messageId);
      return true;
    } catch (error) {
      await this.queue.markFailed(email, workerId, error);
      return false;
    }
  }
}
