import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityEvents, type UserDeletedEvent } from '../identity/identity.events.js';
import { QueuedEmail } from './schemas/email-queue.schema.js';
import { Notification } from './schemas/notification.schema.js';
import { NotificationSettings } from './schemas/notification-settings.schema.js';
import { PushSubscription } from './schemas/push-subscription.schema.js';

/** A deleted user's notifications, settings, push subscriptions and emails (queued or sent) are erased; idempotent. */
@Injectable()
export class UserErasureListener implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    @InjectModel(NotificationSettings.name) private readonly settings: Model<NotificationSettings>,
    @InjectModel(PushSubscription.name) private readonly push: Model<PushSubscription>,
    @InjectModel(QueuedEmail.name) private readonly emails: Model<QueuedEmail>,
  ) {}

  onModuleInit(): void {
    this.relay.on(IdentityEvents.deleted, 'notifications', (event) => this.erase(event));
  }

  async erase({ userId, email }: UserDeletedEvent): Promise<void> {
    const owner = { userId: new Types.ObjectId(userId) };
    await Promise.all([
      this.notifications.deleteMany(owner),
      this.settings.deleteMany(owner),
      this.push.deleteMany(owner),
      this.emails.deleteMany({ to: email }),
    ]);
  }
}
