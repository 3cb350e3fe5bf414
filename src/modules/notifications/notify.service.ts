import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { AppConfig } from '../../core/config/app-config.js';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { UsersService, type UserContact } from '../identity/users.service.js';
import { EmailQueueService } from './email/email-queue.service.js';
import type { TemplateName } from './email/templates.js';
import { CRITICAL_TYPES, type Channel, type NotificationType, type Priority } from './notification-types.js';
import { PushService } from './push.service.js';
import { quietUntil } from './quiet-hours.js';
import { Notification, type ChannelDelivery } from './schemas/notification.schema.js';
import { SettingsService } from './settings.service.js';
import { SMS_PROVIDER, type SmsProvider } from './sms.provider.js';

const DAY_MS = 86_400_000;

export interface NotifyRequest {
  type: NotificationType;
  title: string;
  body: string;
  priority?: Priority;
  /** Channels asked for; in-app is always kept. Defaults to in-app only. */
  channels?: Channel[];
  actions?: { label: string; url: string }[];
  attachments?: { name: string; url: string; contentType?: string }[];
  groupKey?: string;
  scheduledFor?: Date;
  /** The email to send on the email channel; a generic one is rendered from title and body otherwise. */
  email?: { template: TemplateName; variables: Record<string, unknown> };
  /** Makes the whole notification idempotent (e.g. one receipt per payment). */
  dedupeKey?: string;
}

/**
 * The one way other modules notify a user. It stores the in-app copy, honours the user's settings
 * and quiet hours (critical types excepted), and hands the other channels off: email to the queue,
 * push to Web Push, SMS to its provider. Each channel's outcome is recorded on the notification.
 */
@Injectable()
export class NotifyService {
  private readonly logger = new Logger(NotifyService.name);

  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly settings: SettingsService,
    private readonly users: UsersService,
    private readonly emails: EmailQueueService,
    private readonly push: PushService,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    private readonly config: AppConfig,
  ) {}

  async notify(userId: string, request: NotifyRequest): Promise<Notification | undefined> {
    const [created] = await this.create([userId], request);
    if (created && created.scheduledFor.getTime() <= Date.now()) return this.dispatch(created);
    return created;
  }

  /** Stores notifications for many users in one bulk insert; due ones are dispatched by the caller or the scheduler. */
  async create(userIds: string[], request: NotifyRequest): Promise<Notification[]> {
    const scheduledFor = request.scheduledFor ?? new Date();
    const channels = [...new Set<Channel>(['in_app', ...(request.channels ?? [])])];
    const documents = userIds.map((userId) => ({
      _id: request.dedupeKey ? dedupeId(`${request.dedupeKey}:${userId}`) : new Types.ObjectId(),
      userId: new Types.ObjectId(userId),
      type: request.type,
      title: request.title,
      body: request.body,
      actions: request.actions ?? [],
      attachments: request.attachments ?? [],
      priority: request.priority ?? 'normal',
      channels,
      delivery: { in_app: { status: 'delivered', at: scheduledFor } },
      scheduledFor,
      groupKey: request.groupKey,
      expiresAt: new Date(scheduledFor.getTime() + this.config.get('NOTIFICATION_RETENTION_UNREAD_DAYS') * DAY_MS),
      pendingEmail: request.email,
    }));
    try {
      return (await this.notifications.insertMany(documents, { ordered: false })).map((doc) => doc.toObject());
    } catch (error) {
      // A dedupe key seen before: that notification already exists.
      if (isDuplicateKey(error) && request.dedupeKey) return [];
      throw error;
    }
  }

  /** Hands a notification's channels off, once (the dispatchedAt claim keeps a second dispatcher out). */
  async dispatch(notification: Notification, email?: NotifyRequest['email']): Promise<Notification | undefined> {
    const claimed = await this.notifications
      .findOneAndUpdate({ _id: notification._id, dispatchedAt: null }, { $set: { dispatchedAt: new Date() } }, { returnDocument: 'after' })
      .lean<Notification>();
    if (!claimed) return undefined;
    const contact = await this.users.contactOf(claimed.userId.toString());
    if (!contact?.active) return claimed;
    const settings = await this.settings.resolve(contact.id);
    const switches = settings.switches(claimed.type);
    const critical = CRITICAL_TYPES.includes(claimed.type) || claimed.priority === 'urgent';
    const quietEnd = !critical && settings.quietHours.enabled ? quietUntil(new Date(), settings.quietHours, contact.timezone) : undefined;
    const delivery: Record<string, ChannelDelivery> = {};
    for (const channel of claimed.channels.filter((c) => c !== 'in_app')) {
      if (!switches[channel]) {
        delivery[channel] = { status: 'skipped', at: new Date(), reason: 'turned off in settings' };
        continue;
      }
      try {
        delivery[channel] = await this.deliver(channel, claimed, contact, quietEnd, email ?? claimed.pendingEmail);
      } catch (error) {
        this.logger.warn(`notification ${claimed._id.toString()} on ${channel} failed: ${(error as Error).message}`);
        delivery[channel] = { status: 'failed', at: new Date(), reason: (error as Error).message.slice(0, 500) };
      }
    }
    const $set = Object.fromEntries(Object.entries(delivery).map(([channel, outcome]) => [`delivery.${channel}`, outcome]));
    return (
      (await this.notifications
        .findOneAndUpdate({ _id: claimed._id }, { $set, $unset: { pendingEmail: 1 } }, { returnDocument: 'after' })
        .lean<Notification>()) ?? claimed
    );
  }

  private async deliver(
    channel: Channel,
    notification: Notification,
    contact: UserContact,
    quietEnd: Date | undefined,
    email: NotifyRequest['email'],
  ): Promise<ChannelDelivery> {
    if (channel === 'email') {
      const template = email ?? { template: 'notification' as const, variables: { title: notification.title, body: notification.body } };
      await this.emails.enqueue({
        to: contact.email,
        template: template.template,
        variables: { name: contact.displayName, ...template.variables },
        idempotencyKey: `notification:${notification._id.toString()}:email`,
        priority: notification.priority === 'urgent' ? 10 : notification.priority === 'high' ? 5 : 0,
        // In quiet hours email waits in the queue until they end.
        notBefore: quietEnd,
      });
      return { status: 'sent', at: new Date(), reason: quietEnd ? `queued until ${quietEnd.toISOString()} (quiet hours)` : undefined };
    }
    if (quietEnd) return { status: 'skipped', at: new Date(), reason: 'quiet hours' };
    if (channel === 'push') {
      const devices = await this.push.send(contact.id, {
        title: notification.title,
        body: notification.body,
        url: notification.actions[0]?.url,
      });
      return devices > 0 ? { status: 'sent', at: new Date() } : { status: 'skipped', at: new Date(), reason: 'no push subscription' };
    }
    await this.sms.send(contact.id, `${notification.title}: ${notification.body}`);
    return { status: 'sent', at: new Date() };
  }

  /** Scheduled notifications whose time has come and that were not handed off yet. */
  async dispatchDue(limit: number): Promise<number> {
    const due = await this.notifications
      .find({ dispatchedAt: null, scheduledFor: trusted({ $lte: new Date() }) })
      .sort({ scheduledFor: 1 })
      .limit(limit)
      .lean<Notification[]>();
    let dispatched = 0;
    for (const notification of due) if (await this.dispatch(notification)) dispatched++;
    return dispatched;
  }
}

/** A deterministic ObjectId from a key, so the same logical notification is inserted once. */
function dedupeId(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}
