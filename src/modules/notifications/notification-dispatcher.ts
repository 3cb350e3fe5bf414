import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../../core/auth/request-context.js';
import { UserDirectory, type UserContact } from '../identity/index.js';
import { MailService, type EnqueueRequest } from '../mail/index.js';
import { asSystem } from './notification-context.js';
import { NotificationTypes } from './notification-type-registry.js';
import type { Channel } from './notification-types.js';
import { NotificationsRepository } from './notifications.repository.js';
import { SMS_SENDER, type SmsSender } from './providers/sms-sender.js';
import { PushService, type OutgoingPush } from './push.service.js';
import { quietUntil } from './quiet-hours.js';
import type { ChannelDelivery, Notification } from './schemas/notification.schema.js';
import { SettingsService, type ResolvedSettings } from './settings.service.js';

/** What one notification's dispatch does: the outcomes decided so far, and what is still to send. */
interface Plan {
  notification: Notification;
  contact?: UserContact;
  delivery: Partial<Record<Channel, ChannelDelivery>>;
  quietEnd?: Date;
  email?: EnqueueRequest;
  push: boolean;
  sms: boolean;
}

const EMAIL_PRIORITY = { urgent: 10, high: 5, normal: 0, low: 0 } as const;

/**
 * Hands claimed notifications to their channels, a batch at a time: the recipients' contacts and
 * settings in one query each, every email in one bulk insert, every push device in one read, and
 * all outcomes in one bulk write, so a send to thousands costs a few queries per batch, not per person.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger(NotificationDispatcher.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly directory: UserDirectory,
    private readonly settings: SettingsService,
    private readonly types: NotificationTypes,
    private readonly push: PushService,
    private readonly mail: MailService,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** Dispatches notifications this caller claimed; answers them with each channel's outcome. */
  async dispatch(ctx: RequestContext, claimed: readonly Notification[], known?: ReadonlyMap<string, UserContact>): Promise<Notification[]> {
    if (claimed.length === 0) return [];
    const userIds = [...new Set(claimed.map((notification) => notification.userId.toString()))];
    const contacts = known ?? (await this.directory.contactsOf(userIds));
    const settings = await this.settings.resolveMany(ctx, userIds);
    const now = new Date();
    const plans = claimed.map((notification) => {
      const userId = notification.userId.toString();
      return this.plan(notification, contacts.get(userId), settings.get(userId)!, now);
    });
    await this.queueEmails(ctx, plans);
    await this.sendPushes(ctx, plans);
    await this.sendTexts(plans);
    await this.notifications.recordDispatch(plans.map(({ notification, delivery }) => ({ id: notification._id, delivery })));
    return plans.map(({ notification, delivery }) => ({
      ...notification,
      delivery: { ...notification.delivery, ...delivery },
      dispatchedAt: now,
    }));
  }

  /** Which channels go out: settings and quiet hours decide, except for critical types (and urgent ones in quiet hours). */
  private plan(notification: Notification, contact: UserContact | undefined, settings: ResolvedSettings, now: Date): Plan {
    const plan: Plan = { notification, contact, delivery: {}, push: false, sms: false };
    const channels = notification.channels.filter((channel) => channel !== 'in_app');
    // A deactivated or deleted account receives nothing; an unknown type was never registered.
    const refusal = !contact ? 'no one to reach' : !this.types.has(notification.type) ? `unknown type ${notification.type}` : undefined;
    if (refusal) {
      for (const channel of channels) plan.delivery[channel] = { status: 'skipped', at: now, reason: refusal };
      return plan;
    }
    const switches = settings.switches(notification.type);
    const critical = this.types.isCritical(notification.type) || notification.priority === 'urgent';
    plan.quietEnd = !critical && settings.quietHours.enabled ? quietUntil(now, settings.quietHours, contact!.timezone) : undefined;
    for (const channel of channels) {
      if (!switches[channel]) plan.delivery[channel] = { status: 'skipped', at: now, reason: 'turned off in settings' };
      else if (channel === 'email') plan.email = this.emailOf(notification, contact!, plan.quietEnd);
      else if (plan.quietEnd) plan.delivery[channel] = { status: 'skipped', at: now, reason: 'quiet hours' };
      else plan[channel] = true;
    }
    return plan;
  }

  private emailOf(notification: Notification, contact: UserContact, notBefore: Date | undefined): EnqueueRequest {
    const action = notification.actions?.[0];
    const email = notification.pendingEmail ?? {
      template: 'notification',
      variables: { title: notification.title, body: notification.body, actionLabel: action?.label, actionUrl: action?.url },
    };
    return {
      to: contact.email,
      template: email.template,
      variables: { name: contact.name, ...email.variables },
      idempotencyKey: `notification:${notification._id.toString()}:email`,
      priority: EMAIL_PRIORITY[notification.priority],
      // In quiet hours email waits in the queue until they end.
      notBefore,
    };
  }

  /** One bulk insert for the batch's emails; an unregistered template fails that email alone, loudly. */
  private async queueEmails(ctx: RequestContext, plans: Plan[]): Promise<void> {
    const at = new Date();
    const queued: Plan[] = [];
    for (const plan of plans.filter((candidate) => candidate.email)) {
      if (this.mail.templates.has(plan.email!.template)) queued.push(plan);
      else {
        this.logger.error(`notification ${plan.notification._id.toString()}: email template ${plan.email!.template} is not registered`);
        plan.delivery.email = { status: 'failed', at, reason: `email template ${plan.email!.template} is not registered` };
      }
    }
    // Queueing is the platform's doing, whoever asked for the notification.
    await this.mail.enqueueMany(
      asSystem(ctx),
      queued.map((plan) => plan.email!),
    );
    for (const plan of queued)
      plan.delivery.email = {
        status: 'sent',
        at,
        reason: plan.quietEnd ? `queued until ${plan.quietEnd.toISOString()} (quiet hours)` : undefined,
      };
  }

  private async sendPushes(ctx: RequestContext, plans: Plan[]): Promise<void> {
    const pushes: OutgoingPush[] = plans
      .filter((plan) => plan.push)
      .map(({ notification }) => ({
        id: notification._id.toString(),
        userId: notification.userId.toString(),
        message: { title: notification.title, body: notification.body, url: notification.actions?.[0]?.url },
      }));
    const outcomes = await this.push.sendMany(ctx, pushes);
    for (const plan of plans) if (plan.push) plan.delivery.push = outcomes.get(plan.notification._id.toString());
  }

  private async sendTexts(plans: Plan[]): Promise<void> {
    await Promise.all(
      plans
        .filter((plan) => plan.sms)
        .map(async (plan) => {
          const { notification, contact } = plan;
          try {
            await this.sms.send({ userId: contact!.id, phone: contact!.phone }, `${notification.title}: ${notification.body}`);
            plan.delivery.sms = { status: 'sent', at: new Date() };
          } catch (error) {
            plan.delivery.sms = { status: 'failed', at: new Date(), reason: (error as Error).message.slice(0, 500) };
          }
        }),
    );
  }
}
