import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import type { Actor } from '../../core/auth/roles.js';
import { AppConfig } from '../../core/config/app-config.js';
import { toPage, type Page } from '../../core/http/pagination.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { UsersService } from '../identity/users.service.js';
import type { NotificationDto, NotificationQueryDto, SendNotificationDto, SendResultDto } from './dto/notification.dto.js';
import { NotifyService } from './notify.service.js';
import type { DeliveryStatus } from './notification-types.js';
import { Notification } from './schemas/notification.schema.js';

const DAY_MS = 86_400_000;
const SEND_BATCH = 500;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly notify: NotifyService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** My notifications that are due (scheduled ones appear at their time), newest first. */
  async list(actor: Actor, query: NotificationQueryDto): Promise<Page<NotificationDto>> {
    const scheduledFor: Record<string, Date> = { $lte: new Date() };
    if (query.from) scheduledFor.$gte = new Date(query.from);
    if (query.to && new Date(query.to) < scheduledFor.$lte) scheduledFor.$lte = new Date(query.to);
    const filter: Record<string, unknown> = { userId: new Types.ObjectId(actor.id), scheduledFor: trusted(scheduledFor) };
    if (query.type) filter.type = query.type;
    if (query.read !== undefined) filter.read = query.read;
    if (query.priority) filter.priority = query.priority;
    const [items, total] = await Promise.all([
      this.notifications.find(filter).sort({ scheduledFor: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<Notification[]>(),
      this.notifications.countDocuments(filter),
    ]);
    return toPage(items.map(toNotificationDto), total, query);
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.notifications.countDocuments({
      userId: new Types.ObjectId(actor.id),
      read: false,
      scheduledFor: trusted({ $lte: new Date() }),
    });
  }

  /** Marks one read, keeping the time to read; a read notification expires sooner than an unread one. */
  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    const notification = await this.findFor(actor, id);
    if (notification.read) return toNotificationDto(notification);
    const readAt = new Date();
    const updated = await this.notifications
      .findOneAndUpdate(
        { _id: notification._id, read: false },
        {
          $set: {
            read: true,
            readAt,
            timeToReadMs: readAt.getTime() - notification.scheduledFor.getTime(),
            expiresAt: this.readExpiry(notification, readAt),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<Notification>();
    return toNotificationDto(updated ?? notification);
  }

  async markAllRead(actor: Actor): Promise<number> {
    const readAt = new Date();
    const result = await this.notifications.updateMany(
      { userId: new Types.ObjectId(actor.id), read: false, scheduledFor: trusted({ $lte: readAt }) },
      {
        $set: { read: true, readAt, expiresAt: new Date(readAt.getTime() + this.config.get('NOTIFICATION_RETENTION_READ_DAYS') * DAY_MS) },
      },
    );
    return result.modifiedCount;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const notification = await this.findFor(actor, id);
    await this.notifications.deleteOne({ _id: notification._id });
  }

  /** Staff send to listed users or to a role, in batches; due now means dispatched at once, else by the scheduler. */
  async send(input: SendNotificationDto): Promise<SendResultDto> {
    if (!input.userIds === !input.role) throw new ValidationProblem([{ field: 'userIds', message: 'give either userIds or role' }]);
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : new Date();
    const request = { ...input, scheduledFor };
    let created = 0;
    const deliver = async (ids: string[]) => {
      const notifications = await this.notify.create(ids, request);
      created += notifications.length;
      if (scheduledFor.getTime() <= Date.now()) for (const notification of notifications) await this.notify.dispatch(notification);
    };
    if (input.userIds) {
      await deliver(await this.users.existingIds(input.userIds));
    } else {
      let after: string | undefined;
      for (;;) {
        const ids = await this.users.idsWithRole(input.role!, after, SEND_BATCH);
        if (ids.length === 0) break;
        await deliver(ids);
        after = ids.at(-1);
      }
    }
    return { created, scheduledFor: scheduledFor.toISOString() };
  }

  /** Purges, in bounded batches, what has expired (servers without TTL) and read notifications past retention. */
  async purgeExpired(batch = 1000): Promise<number> {
    let removed = 0;
    for (;;) {
      const expired = await this.notifications
        .find({ expiresAt: trusted({ $lte: new Date() }) }, { _id: 1 })
        .limit(batch)
        .lean<{ _id: Types.ObjectId }[]>();
      if (expired.length === 0) return removed;
      const result = await this.notifications.deleteMany({ _id: trusted({ $in: expired.map((row) => row._id) }) });
      removed += result.deletedCount;
      if (expired.length < batch) return removed;
    }
  }

  private readExpiry(notification: Notification, readAt: Date): Date {
    const readExpiry = readAt.getTime() + this.config.get('NOTIFICATION_RETENTION_READ_DAYS') * DAY_MS;
    return new Date(Math.min(readExpiry, new Date(notification.expiresAt).getTime()));
  }

  private async findFor(actor: Actor, id: string): Promise<Notification> {
    const notification = await this.notifications.findById(new Types.ObjectId(id)).lean<Notification>();
    if (!notification || notification.scheduledFor > new Date()) throw new NotFoundException('No such notification.');
    // Notifications are personal: not even staff read or change another user's.
    if (notification.userId.toString() !== actor.id) throw new ForbiddenException('This notification belongs to another user.');
    return notification;
  }
}

export function toNotificationDto(notification: Notification): NotificationDto {
  const delivery = (notification.delivery ?? {}) as Record<string, { status: DeliveryStatus; at?: Date; reason?: string }>;
  return {
    id: notification._id.toString(),
    userId: notification.userId.toString(),
    type: notification.type,
    title: notification.title,
    body: notification.body,
    actions: (notification.actions ?? []).map(({ label, url }) => ({ label, url })),
    attachments: (notification.attachments ?? []).map(({ name, url, contentType }) => ({ name, url, contentType })),
    priority: notification.priority,
    channels: notification.channels,
    delivery: Object.fromEntries(
      Object.entries(delivery).map(([channel, outcome]) => [
        channel,
        { status: outcome.status, at: outcome.at ? new Date(outcome.at).toISOString() : undefined, reason: outcome.reason },
      ]),
    ),
    read: notification.read,
    readAt: notification.readAt?.toISOString(),
    groupKey: notification.groupKey,
    scheduledFor: new Date(notification.scheduledFor).toISOString(),
    expiresAt: new Date(notification.expiresAt).toISOString(),
    createdAt: new Date(notification.createdAt).toISOString(),
    updatedAt: new Date(notification.updatedAt).toISOString(),
  };
}
