import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { IdentityModule } from '../identity/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { NotificationJobs } from './jobs/notification-jobs.js';
import { BillingListeners } from './listeners/billing.listeners.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { MarketingListeners } from './listeners/marketing.listeners.js';
import { SupportListeners } from './listeners/support.listeners.js';
import { CareersListeners } from './listeners/careers.listeners.js';
import { WebinarsListeners } from './listeners/webinars.listeners.js';
import { SuggestionsListeners } from './listeners/suggestions.listeners.js';
import { LabListeners } from './listeners/lab.listeners.js';
import { SessionsListeners } from './listeners/sessions.listeners.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { NotificationSender } from './notification-sender.js';
import { NotificationTypes } from './notification-type-registry.js';
import { NotificationsConfig } from './notifications.config.js';
import { NotificationsController } from './notifications.controller.js';
import { NOTIFICATIONS_PERMISSIONS } from './notifications.permissions.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { NOTIFICATIONS_TEMPLATES } from './notifications.templates.js';
import { NotifyService } from './notify.service.js';
import { pushSenderProvider, smsSenderProvider } from './providers/notification-adapters.js';
import { PushService } from './push.service.js';
import { Notification, NotificationSchema } from './schemas/notification.schema.js';
import { NotificationSettings, NotificationSettingsSchema } from './schemas/notification-settings.schema.js';
import { PushSubscription, PushSubscriptionSchema } from './schemas/push-subscription.schema.js';
import { SettingsService } from './settings.service.js';

/**
 * In-app notifications with their settings and quiet hours, Web Push and SMS, and what other contexts'
 * events tell users (listeners/, one file per source context). Email goes through the mail module.
 */
@Module({
  imports: [
    IdentityModule,
    MailModule,
    MongooseModule.forFeature([
      { name: Notification.name, schema: NotificationSchema },
      { name: NotificationSettings.name, schema: NotificationSettingsSchema },
      { name: PushSubscription.name, schema: PushSubscriptionSchema },
    ]),
  ],
  controllers: [NotificationsController],
  providers: [
    configSectionProvider(NotificationsConfig),
    pushSenderProvider,
    smsSenderProvider,
    NotificationTypes,
    NotificationsRepository,
    SettingsService,
    PushService,
    NotificationDispatcher,
    NotifyService,
    NotificationsService,
    NotificationSender,
    NotificationJobs,
    BillingListeners,
    IdentityListeners,
    MarketingListeners,
    SupportListeners,
    CareersListeners,
    WebinarsListeners,
    SuggestionsListeners,
    LabListeners,
    SessionsListeners,
  ],
  exports: [NotifyService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(NOTIFICATIONS_PERMISSIONS);
    this.mail.templates.register(...NOTIFICATIONS_TEMPLATES);
  }
}
