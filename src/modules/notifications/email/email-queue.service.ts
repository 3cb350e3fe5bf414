import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { AppConfig } from '../../../core/config/app-config.js';
import { insertManySkippingDuplicates } from '../../../core/database/duplicate-key.js';
import { IllegalTransitionProblem, ProblemException } from '../../../core/http/problem.js';
import { EMAIL_STATUSES, QueuedEmail, type EmailStatus } from '../schemas/email-queue.schema.js';
import { renderEmail, type TemplateName } from './templates.js';

export interface EnqueueRequest {
  to: string;
  template: TemplateName;
  variables: Record<string, unknown>;
  idempotencyKey: string;
  priority?: number;
  /** Not before this time (quiet hours, scheduled sends). */
  notBefore?: Date;
}

export interface QueueStats {
  counts: Record<EmailStatus, number>;
  oldestPendingAgeSeconds: number | null;
}

@Injectable()
export class EmailQueueService {
  constructor(
    @InjectModel(QueuedEmail.name) private readonly queue: Model<QueuedEmail>,
    private readonly config: AppConfig,
  ) {}

  /** Renders and queues one email; the same idempotency key queues it once. Answers whether it was new. */
  async enqueue(request: EnqueueRequest): Promise<boolean> {
    return (await this.enqueueMany([request])) === 1;
  }

  /** Bulk enqueue; duplicates by idempotency key are skipped, not errors. Answers how many were new. */
  async enqueueMany(requests: EnqueueRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    const now = new Date();
    const documents = requests.map((request) => ({
      to: request.to,
      template: request.template,
      ...renderEmail(request.template, { baseUrl: this.config.get('PUBLIC_BASE_URL'), ...request.variables }),
      priority: request.priority ?? 0,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: request.notBefore ?? now,
      idempotencyKey: request.idempotencyKey,
    }));
    return insertManySkippingDuplicates(this.queue, documents);
  }

  /**
   * Claims one due email for a worker with a lease: pending or failed mail whose time has come, or
   * mail whose sender's lease ran out (the worker died). One atomic update, so no email is claimed twice.
   */
  async claim(workerId: string, leaseMs: number): Promise<QueuedEmail | null> {
    const now = new Date();
    return this.queue
      .findOneAndUpdate(
        {
          status: trusted({ $in: ['pending', 'failed', 'sending'] }),
          nextAttemptAt: trusted({ $lte: now }),
          $or: [{ lockedUntil: null }, { lockedUntil: trusted({ $lte: now }) }],
        },
        { $set: { status: 'sending', lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { sort: { priority: -1, nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean<QueuedEmail>();
  }

  async markSent(email: QueuedEmail, workerId: string, messageId: string): Promise<void> {
    await this.queue.updateOne(
      { _id: email._id, lockedBy: workerId },
      { $set: { status: 'sent', sentAt: new Date(), messageId }, $unset: { lockedBy: 1, lockedUntil: 1, lastError: 1 } },
    );
  }

  /** Exponential backoff with jitter; after the last attempt the email is dead until an admin retries it. */
  async markFailed(email: QueuedEmail, workerId: string, error: unknown): Promise<EmailStatus> {
    const message = error instanceof Error ? error.message : String(error);
    const dead = email.attempts >= this.config.get('EMAIL_MAX_ATTEMPTS');
    const base = this.config.get('EMAIL_RETRY_BASE_MS') * 2 ** (email.attempts - 1);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    const status: EmailStatus = dead ? 'dead' : 'failed';
    await this.queue.updateOne(
      { _id: email._id, lockedBy: workerId },
      {
        $set: { status, lastError: message.slice(0, 1000), nextAttemptAt: new Date(Date.now() + delay) },
        $unset: { lockedBy: 1, lockedUntil: 1 },
      },
    );
    return status;
  }

  async stats(): Promise<QueueStats> {
    const [groups, oldest] = await Promise.all([
      this.queue.aggregate<{ _id: EmailStatus; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }]),
      this.queue.findOne({ status: 'pending' }, { createdAt: 1 }).sort({ createdAt: 1 }).lean<QueuedEmail>(),
    ]);
    const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
    for (const group of groups) counts[group._id] = group.count;
    return { counts, oldestPendingAgeSeconds: oldest ? Math.round((Date.now() - new Date(oldest.createdAt).getTime()) / 1000) : null };
  }

  /** An admin sends a dead email again, from a fresh count of attempts. */
  async retry(id: string): Promise<QueuedEmail> {
    const email = await this.queue.findById(new Types.ObjectId(id)).lean<QueuedEmail>();
    if (!email) throw new NotFoundException('No such email.');
    if (email.status !== 'dead') throw new IllegalTransitionProblem('queued email', email.status, 'pending');
    const retried = await this.queue
      .findOneAndUpdate(
        { _id: email._id, status: 'dead' },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<QueuedEmail>();
    if (!retried) throw new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', 'The email changed meanwhile.');
    return retried;
  }
}
