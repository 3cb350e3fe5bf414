import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { UserDirectory, type UserContact } from '../identity/index.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { NotificationTypes, UnknownNotificationTypeError } from './notification-type-registry.js';
import type { Channel, Priority } from './notification-types.js';
import { NotificationsConfig } from './notifications.config.js';
import { NotificationsRepository, type NewNotification } from './notifications.repository.js';
import type { Notification } from './schemas/notification.schema.js';

const DAY_MS = 86_400_000;

export interface NotifyRequest {
  /** A registered notification type; an unknown one throws. */
  type: string;
  title: string;
  body: string;
  priority?: Priority;
  /** Channels asked for; in-app is always kept. Defaults to in-app only. */
  channels?: Channel[];
  actions?: { label: string; url: string }[];
  attachments?: { name: string; url: string; contentType?: string }[];
  groupKey?: string;
  scheduledFor?: Date;
  /** The email on the email channel (a registered template); a generic one is rendered from title and body otherwise. */
  email?: { template: string; variables: Record<string, unknown> };
  /** Makes the notification idempotent per recipient (one receipt per payment): pass the effect key. */
  dedupeKey?: string;
}

/**
 * The one way to notify users. It stores the in-app copies in one insert and hands the other channels
 * to the dispatcher at once, or at `scheduledFor` through the dispatch job. Users with no one to reach
 * (deactivated, deleted) get nothing.
 */
@Injectable()
export class NotifyService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly dispatcher: NotificationDispatcher,
    private readonly directory: UserDirectory,
    private readonly types: NotificationTypes,
    private readonly policy: PermissionPolicy,
    private readonly config: NotificationsConfig,
  ) {}

  /** One user; answers the notification with its channels' outcomes (undefined when nothing was stored: a repeat, or no one to reach). */
  async notify(ctx: RequestContext, userId: string, request: NotifyRequest): Promise<Notification | undefined> {
    return (await this.notifyMany(ctx, [userId], request))[0];
  }

  /** A batch of users (up to 1000): contacts in one query, one insert, one dispatch. Answers what was stored now. */
  async notifyMany(
    ctx: RequestContext,
    userIds: readonly string[],
    request: NotifyRequest,
    contacts?: ReadonlyMap<string, UserContact>,
  ): Promise<Notification[]> {
    this.policy.require(ctx, 'notification.send');
    if (!this.types.has(request.type))
      throw new UnknownNotificationTypeError(`notification type ${request.type} is not registered by any module`);
    const reachable = contacts ?? (await this.directory.contactsOf(userIds));
    const now = new Date();
    const scheduledFor = request.scheduledFor ?? now;
    const dueNow = scheduledFor.getTime() <= now.getTime();
    // Due now: inserted already claimed by this caller, so the dispatch job leaves them alone.
    const claim = dueNow ? NotificationsRepository.claimFrom(now) : {};
    const documents = [...new Set(userIds)].filter((id) => reachable.has(id)).map((id) => this.document(id, request, scheduledFor, claim));
    const inserted = await this.notifications.insert(documents);
    return dueNow ? this.dispatcher.dispatch(ctx, inserted, reachable) : inserted;
  }

  /** Due notifications nobody is dispatching (scheduled ones, and ones whose dispatcher died): the dispatch job. */
  async dispatchDue(ctx: RequestContext, limit: number): Promise<number> {
    this.policy.require(ctx, 'notification.maintain');
    return (await this.dispatcher.dispatch(ctx, await this.notifications.claimDue(limit))).length;
  }

  private document(userId: string, request: NotifyRequest, scheduledFor: Date, claim: Partial<Notification>): NewNotification {
    return {
      _id: request.dedupeKey ? dedupeId(`${request.dedupeKey}:${userId}`) : new Types.ObjectId(),
      userId: new Types.ObjectId(userId),
      type: request.type,
      title: request.title,
      body: request.body,
      actions: request.actions ?? [],
      attachments: request.attachments ?? [],
      priority: request.priority ?? 'normal',
      channels: [...new Set<Channel>(['in_app', ...(request.channels ?? [])])],
      delivery: { in_app: { status: 'delivered', at: scheduledFor } },
      scheduledFor,
      // The list shows a notification from the time it is due, so it pages (and is sorted) by that time.
      createdAt: scheduledFor,
      updatedAt: new Date(),
      groupKey: request.groupKey,
      expiresAt: new Date(scheduledFor.getTime() + this.config.NOTIFICATION_RETENTION_UNREAD_DAYS * DAY_MS),
      pendingEmail: request.email,
      ...claim,
    };
  }
}

/** A deterministic ObjectId from a key, so the same logical notification is inserted once. */
function dedupeId(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}
