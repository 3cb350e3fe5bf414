import { Inject, Injectable } from '@nestjs/common';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { EmailQueue } from './email-queue.repository.js';
import { MailConfig } from './mail.config.js';
import { MAIL_TRANSPORT, type MailTransport } from './providers/mail-transport.js';
import type { QueuedEmail } from './schemas/queued-email.schema.js';

export interface DrainResult {
  sent: number;
  failed: number;
}

export interface DrainOptions {
  batchSize?: number;
  concurrency?: number;
  leaseMs?: number;
}

/** Claims due email in batches and sends it with bounded concurrency; failures back off, then die. */
@Injectable()
export class EmailWorker {
  constructor(
    private readonly queue: EmailQueue,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly policy: PermissionPolicy,
    private readonly config: MailConfig,
  ) {}

  /** One batch: up to EMAIL_BATCH_SIZE claims, EMAIL_CONCURRENCY sends at a time. */
  async drainBatch(ctx: RequestContext, workerId: string, options: DrainOptions = {}): Promise<DrainResult> {
    this.policy.require(ctx, 'mail.drain');
    const batchSize = options.batchSize ?? this.config.EMAIL_BATCH_SIZE;
    const concurrency = options.concurrency ?? this.config.EMAIL_CONCURRENCY;
    const leaseMs = options.leaseMs ?? this.config.EMAIL_LEASE_MS;
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

  /** Batches until nothing is due (tests, benchmarks, a catch-up). */
  async drainAll(ctx: RequestContext, workerId: string, options: DrainOptions = {}): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await this.drainBatch(ctx, workerId, options);
      total.sent += batch.sent;
      total.failed += batch.failed;
      if (batch.sent + batch.failed === 0) return total;
    }
  }

  private async deliver(email: QueuedEmail, workerId: string): Promise<boolean> {
    try {
      const messageId = await this.transport.send({
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: { 'X-Atrium-Email-Id': email._id.toString() },
      });
      await this.queue.finish(email, workerId, { to: 'sent', messageId: messageId.slice(0, 300) });
      return true;
    } catch (error) {
      const dead = email.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
      // Exponential backoff with ±20 % jitter, so retries of one outage do not arrive together.
      const delay = Math.round(this.config.EMAIL_RETRY_BASE_MS * 2 ** (email.attempts - 1) * (0.8 + Math.random() * 0.4));
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await this.queue.finish(email, workerId, { to: dead ? 'dead' : 'failed', error: message, retryAt: new Date(Date.now() + delay) });
      return false;
    }
  }
}
