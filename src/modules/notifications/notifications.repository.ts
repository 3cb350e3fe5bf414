import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { trusted, Types, type AnyBulkWriteOperation, type Model, type QueryFilter } from 'mongoose';
import { anyOf, findFeed, findPage, type FeedRequest, type PageRequest } from '../../core/database/find-page.js';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { countLean } from '../../core/database/lean-reads.js';
import { Notification, type ChannelDelivery } from './schemas/notification.schema.js';

/** A dispatcher holds claimed notifications this long; one that died leaves them to the next tick. */
const DISPATCH_LEASE_MS = 60_000;

export type NewNotification = Omit<Notification, 'read' | 'delivery' | 'actions' | 'attachments'> &
  Pick<Partial<Notification>, 'actions' | 'attachments' | 'delivery'>;

/** What a dispatch found for one notification: each channel's outcome. */
export interface Dispatched {
  id: Types.ObjectId;
  delivery: Record<string, ChannelDelivery>;
}

const mine = (userId: string) => ({ userId: new Types.ObjectId(userId) });
const due = (now: Date) => ({
  dispatchedAt: null,
  scheduledFor: trusted({ $lte: now }),
  $or: [{ dispatchLockedUntil: null }, { dispatchLockedUntil: trusted({ $lte: now }) }],
});

/** The one writer of `notifications`: inserts, dispatch claims and outcomes, reads and deletes, purges. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectModel(Notification.name) readonly model: Model<Notification>) {}

  /** The lease and claim mark of notifications inserted to be dispatched at once by their inserter. */
  static claimFrom(now: Date): Pick<Notification, 'dispatchLockedUntil' | 'dispatchClaim'> {
    return { dispatchLockedUntil: new Date(now.getTime() + DISPATCH_LEASE_MS), dispatchClaim: randomUUID() };
  }

  /**
   * One bulk insert; ids seen before (dedupe keys) are skipped. Answers the ones inserted now, which
   * are this caller's to dispatch: their claim mark is the one they were inserted with.
   */
  async insert(documents: NewNotification[]): Promise<Notification[]> {
    if (documents.length === 0) return [];
    // Timestamps are written here: createdAt is the time the notification shows (its scheduledFor), which
    // mongoose's own timestamps would overwrite with the time of the insert.
    const inserted = await insertManySkippingDuplicates(this.model, documents, { timestamps: false });
    if (inserted === documents.length) return documents.map(asStored);
    const claims = [...new Set(documents.map((document) => document.dispatchClaim).filter((claim) => claim !== undefined))];
    if (claims.length === 0) return [];
    const fresh = await this.model
      .find({ _id: anyOf(documents.map((document) => document._id)), dispatchClaim: anyOf(claims) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    const ids = new Set(fresh.map((row) => row._id.toString()));
    return documents.filter((document) => ids.has(document._id.toString())).map(asStored);
  }

  /**
   * Claims due notifications nobody holds (scheduled ones whose time has come, and ones whose
   * dispatcher died): one update sets a lease and a claim mark, and the marked ones are read back.
   */
  async claimDue(limit: number): Promise<Notification[]> {
    const now = new Date();
    const candidates = await this.model.find(due(now), { _id: 1 }).sort({ scheduledFor: 1 }).limit(limit).lean<{ _id: Types.ObjectId }[]>();
    if (candidates.length === 0) return [];
    const claim = NotificationsRepository.claimFrom(now);
    await this.model.updateMany({ ...due(now), _id: anyOf(candidates.map((row) => row._id)) } as QueryFilter<Notification>, {
      $set: claim,
    });
    return this.model.find({ dispatchClaim: claim.dispatchClaim }).lean<Notification[]>();
  }

  /** Each notification's channel outcomes, in one bulk write; the lease and the pending email go. */
  async recordDispatch(outcomes: readonly Dispatched[]): Promise<void> {
    if (outcomes.length === 0) return;
    const at = new Date();
    const operations: AnyBulkWriteOperation<Notification>[] = outcomes.map(({ id, delivery }) => ({
      updateOne: {
        filter: { _id: id },
        update: {
          $set: {
            dispatchedAt: at,
            ...Object.fromEntries(Object.entries(delivery).map(([channel, outcome]) => [`delivery.${channel}`, outcome])),
          },
          $unset: { pendingEmail: 1, dispatchLockedUntil: 1, dispatchClaim: 1 },
        },
      },
    }));
    await this.model.bulkWrite(operations, { ordered: false });
  }

  findById(id: string): Promise<Notification | null> {
    return this.model.findById(new Types.ObjectId(id)).lean<Notification>();
  }

  page<D>(userId: string, filter: QueryFilter<Notification>, request: PageRequest, toDto: (n: Notification) => D) {
    return findPage(this.model, { ...filter, ...mine(userId) }, request, toDto, { createdAt: -1 });
  }

  feed<D>(userId: string, filter: QueryFilter<Notification>, request: FeedRequest, toDto: (n: Notification) => D) {
    return findFeed(this.model, { ...filter, ...mine(userId) }, request, toDto);
  }

  countUnread(userId: string, now: Date): Promise<number> {
    return countLean(this.model, { ...mine(userId), read: false, createdAt: trusted({ $lte: now }) });
  }

  /** Marks one read unless it already is; answers the notification as it is afterwards. */
  markRead(notification: Notification, readAt: Date, expiresAt: Date): Promise<Notification | null> {
    return this.model
      .findOneAndUpdate(
        { _id: notification._id, read: false },
        { $set: { read: true, readAt, timeToReadMs: readAt.getTime() - new Date(notification.scheduledFor).getTime(), expiresAt } },
        { returnDocument: 'after' },
      )
      .lean<Notification>();
  }

  async markAllRead(userId: string, readAt: Date, expiresAt: Date): Promise<number> {
    const result = await this.model.updateMany(
      { ...mine(userId), read: false, createdAt: trusted({ $lte: readAt }) },
      { $set: { read: true, readAt, expiresAt } },
    );
    return result.modifiedCount;
  }

  async remove(id: Types.ObjectId): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }

  /** Up to `batch` expired notifications removed; answers how many. */
  async purgeExpired(now: Date, batch: number): Promise<number> {
    const expired = await this.model
      .find({ expiresAt: trusted({ $lte: now }) }, { _id: 1 })
      .limit(batch)
      .lean<{ _id: Types.ObjectId }[]>();
    if (expired.length === 0) return 0;
    return (await this.model.deleteMany({ _id: anyOf(expired.map((row) => row._id)) })).deletedCount;
  }

  async eraseUser(userId: string): Promise<void> {
    await this.model.deleteMany(mine(userId));
  }
}

function asStored(document: NewNotification): Notification {
  return { read: false, delivery: {}, actions: [], attachments: [], ...document } as Notification;
}
