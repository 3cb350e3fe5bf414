import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '../identity/identity.module.js';
import { EmailQueueService } from './email/email-queue.service.js';
import { EmailWorker } from './email/email-worker.js';
import { Mailer } from './email/mailer.js';
import { EmailQueueController } from './email-queue.controller.js';
import { NotificationJobs } from './jobs/notification-jobs.js';
import { SupportListeners } from './listeners/support.listeners.js';
import { NotificationListeners } from './notification.listeners.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotifyService } from './notify.service.js';
import { PushService } from './push.service.js';
import { QueuedEmail, QueuedEmailSchema } from './schemas/email-queue.schema.js';
import { Notification, NotificationSchema } from './schemas/notification.schema.js';
import { NotificationSettings, NotificationSettingsSchema } from './schemas/notification-settings.schema.js';
import { PushSubscription, PushSubscriptionSchema } from './schemas/push-subscription.schema.js';
import { SettingsService } from './settings.service.js';
import { LogSmsProvider, SMS_PROVIDER } from './sms.provider.js';
import { UserErasureListener } from './user-erasure.listener.js';

/** In-app notifications, settings, Web Push, SMS, and the email queue with its worker and templates. */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: Notification.name, schema: NotificationSchema },
      { name: NotificationSettings.name, schema: NotificationSettingsSchema },
      { name: PushSubscription.name, schema: PushSubscriptionSchema },
      { name: QueuedEmail.name, schema: QueuedEmailSchema },
    ]),
  ],
  controllers: [NotificationsController, EmailQueueController],
  providers: [
    NotifyService,
    NotificationsService,
    SettingsService,
    PushService,
    { provide: SMS_PROVIDER, useClass: LogSmsProvider },
    EmailQueueService,
    EmailWorker,
    Mailer,
    NotificationJobs,
    NotificationListeners,
    SupportListeners,
    UserErasureListener,
  ],
  exports: [NotifyService, EmailQueueService, EmailWorker],
})
export class NotificationsModule {}
