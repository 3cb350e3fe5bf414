import { Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import { compact, encodeCursor, within } from '../../core/database/find-page.js';
import type { NotificationDto, NotificationListDto, NotificationQueryDto } from './dto/notification.dto.js';
import { toNotificationDto } from './notification.mapper.js';
import { NotificationsConfig } from './notifications.config.js';
import { NotificationsRepository } from './notifications.repository.js';
import type { Notification } from './schemas/notification.schema.js';

const DAY_MS = 86_400_000;
const PURGE_BATCH = 1000;

/** A user's own notifications: the list (pages or a cursor feed), the unread count, reading and deleting. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly policy: PermissionPolicy,
    private readonly config: NotificationsConfig,
  ) {}

  /** Due notifications only (scheduled ones appear at their time), newest first: a page, or the items after a cursor. */
  async list(ctx: ActorContext, query: NotificationQueryDto): Promise<NotificationListDto> {
    this.policy.require(ctx, 'notification.mine');
    const now = new Date();
    const to = query.to && new Date(query.to) < now ? new Date(query.to) : now;
    const filter = compact({
      createdAt: within(query.from ? new Date(query.from) : undefined, to),
      type: query.type,
      read: query.read,
      priority: query.priority,
    }) as QueryFilter<Notification>;
    if (query.after) {
      const feed = await this.notifications.feed(ctx.actor.id, filter, { after: query.after, limit: query.limit }, toNotificationDto);
      return { ...feed, limit: query.limit };
    }
    const page = await this.notifications.page(ctx.actor.id, filter, query, toNotificationDto);
    const last = page.items.at(-1);
    const more = page.page * page.limit < page.total;
    // The cursor of the page's last item, so a client can go on by cursor from here.
    return {
      ...page,
      nextCursor: more && last ? encodeCursor({ _id: new Types.ObjectId(last.id), createdAt: new Date(last.createdAt) }) : null,
    };
  }

  async unreadCount(ctx: ActorContext): Promise<number> {
    this.policy.require(ctx, 'notification.mine');
    return this.notifications.countUnread(ctx.actor.id, new Date());
  }

  /** Marks one read, keeping the time to read; a read notification expires sooner than an unread one. */
  async markRead(ctx: ActorContext, id: string): Promise<NotificationDto> {
    const notification = await this.load(ctx, id);
    if (notification.read) return toNotificationDto(notification);
    const readAt = new Date();
    const expiresAt = new Date(Math.min(this.readExpiry(readAt).getTime(), new Date(notification.expiresAt).getTime()));
    return toNotificationDto((await this.notifications.markRead(notification, readAt, expiresAt)) ?? notification);
  }

  async markAllRead(ctx: ActorContext): Promise<number> {
    this.policy.require(ctx, 'notification.mine');
    const readAt = new Date();
    return this.notifications.markAllRead(ctx.actor.id, readAt, this.readExpiry(readAt));
  }

  async remove(ctx: ActorContext, id: string): Promise<void> {
    await this.notifications.remove((await this.load(ctx, id))._id);
  }

  /** Purges, in bounded batches, what has expired: servers without TTL (the stand-in) are kept clean too. */
  async purgeExpired(ctx: RequestContext): Promise<number> {
    this.policy.require(ctx, 'notification.maintain');
    let removed = 0;
    for (;;) {
      const purged = await this.notifications.purgeExpired(new Date(), PURGE_BATCH);
      removed += purged;
      if (purged < PURGE_BATCH) return removed;
    }
  }

  async eraseUser(ctx: RequestContext, userId: string): Promise<void> {
    this.policy.require(ctx, 'notification.maintain');
    await this.notifications.eraseUser(userId);
  }

  private readExpiry(readAt: Date): Date {
    return new Date(readAt.getTime() + this.config.NOTIFICATION_RETENTION_READ_DAYS * DAY_MS);
  }

  /** One notification, for its owner only: anyone else's (staff too) and one not yet due do not exist for the caller. */
  private async load(ctx: ActorContext, id: string): Promise<Notification> {
    const found = await this.notifications.findById(id);
    const shown = found && new Date(found.scheduledFor) <= new Date() ? found : undefined;
    this.policy.requireOn(ctx, 'notification.read', { ownerId: shown?.userId }, 'notification');
    return shown!;
  }
}
