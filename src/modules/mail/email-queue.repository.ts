import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { anyOf, findPage, type PageRequest } from '../../core/database/find-page.js';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import type { Page } from '../../core/http/pagination.js';
import { CLAIMABLE_STATUSES, EMAIL_STATUSES, emailLifecycle, type EmailStatus } from './email.lifecycle.js';
import { QueuedEmail } from './schemas/queued-email.schema.js';

export type NewEmail = Pick<QueuedEmail, 'to' | 'template' | 'subject' | 'html' | 'text' | 'priority' | 'nextAttemptAt' | 'idempotencyKey'>;

/** Where a send ends; a dead email is still kept for the retention period, so an admin can send it again. */
const ENDED_STATUSES: readonly EmailStatus[] = ['sent', 'dead'];

export interface QueueCounts {
  counts: Record<EmailStatus, number>;
  oldestPending?: Date;
}

/**
 * The one writer of `emailqueue`. Every status change is one conditional update whose filter holds
 * the state the lifecycle table moves from, so concurrent workers and admins never both win.
 */
@Injectable()
export class EmailQueue {
  constructor(@InjectModel(QueuedEmail.name) readonly model: Model<QueuedEmail>) {}

  /** Inserts the new ones; an idempotency key seen before is skipped. Answers how many were new. */
  insert(emails: NewEmail[]): Promise<number> {
    return insertManySkippingDuplicates(
      this.model,
      emails.map((email) => ({ ...email, status: 'pending', attempts: 0 })),
    );
  }

  /**
   * Claims one due email with a lease: pending or failed mail whose time has come, or mail whose
   * sender's lease ran out (the worker died). One atomic update, so no email is claimed twice.
   */
  claim(workerId: string, leaseMs: number): Promise<QueuedEmail | null> {
    const now = new Date();
    return this.model
      .findOneAndUpdate(
        {
          status: anyOf(CLAIMABLE_STATUSES),
          nextAttemptAt: trusted({ $lte: now }),
          $or: [{ lockedUntil: null }, { lockedUntil: trusted({ $lte: now }) }],
        },
        { $set: { status: 'sending', lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { sort: { priority: -1, nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean<QueuedEmail>();
  }

  /** The holder of the lease records the outcome; a worker whose lease was taken over records nothing. */
  async finish(
    email: QueuedEmail,
    workerId: string,
    outcome: { to: 'sent'; messageId: string } | { to: 'failed' | 'dead'; error: string; retryAt: Date },
  ): Promise<void> {
    emailLifecycle.assertMove('sending', outcome.to, 'system');
    const update =
      outcome.to === 'sent'
        ? {
            $set: { status: 'sent', sentAt: new Date(), messageId: outcome.messageId },
            $unset: { lockedBy: 1, lockedUntil: 1, lastError: 1 },
          }
        : {
            $set: { status: outcome.to, lastError: outcome.error, nextAttemptAt: outcome.retryAt },
            $unset: { lockedBy: 1, lockedUntil: 1 },
          };
    await this.model.updateOne({ _id: email._id, status: 'sending', lockedBy: workerId }, update);
  }

  findById(id: string): Promise<QueuedEmail | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<QueuedEmail>();
  }

  /** A dead email back to pending, from a fresh count of attempts; null when it is no longer `from`. */
  requeue(id: Types.ObjectId, from: EmailStatus): Promise<QueuedEmail | null> {
    emailLifecycle.assertMove(from, 'pending', 'staff');
    return this.model
      .findOneAndUpdate(
        { _id: id, status: from },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: new Date() }, $unset: { lastError: 1 } },
        { returnDocument: 'after' },
      )
      .lean<QueuedEmail>();
  }

  async counts(): Promise<QueueCounts> {
    const [groups, oldest] = await Promise.all([
      this.model.aggregate<{ _id: EmailStatus; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }]),
      this.model.findOne({ status: 'pending' }, { createdAt: 1 }).sort({ createdAt: 1 }).lean<QueuedEmail>(),
    ]);
    const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
    for (const group of groups) counts[group._id] = group.count;
    return { counts, oldestPending: oldest?.createdAt };
  }

  page<D>(status: EmailStatus | undefined, request: PageRequest, toDto: (email: QueuedEmail) => D): Promise<Page<D>> {
    return findPage(this.model, status ? { status } : {}, request, toDto, { createdAt: -1 });
  }

  /** Up to `batch` emails that ended (sent, or dead) and were queued before `before`, removed; answers how many. */
  async purgeEnded(before: Date, batch: number): Promise<number> {
    const ended = await this.model
      .find({ status: anyOf(ENDED_STATUSES), createdAt: trusted({ $lt: before }) }, { _id: 1 })
      .limit(batch)
      .lean<{ _id: Types.ObjectId }[]>();
    if (ended.length === 0) return 0;
    return (await this.model.deleteMany({ _id: anyOf(ended.map((row) => row._id)) })).deletedCount;
  }

  /** Every email to an address, queued or sent (erasure of a deleted account). */
  async eraseTo(address: string): Promise<void> {
    await this.model.deleteMany({ to: address });
  }
}
