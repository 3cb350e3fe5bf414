import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EmailQueueAdminService } from './email-queue-admin.service.js';
import { EmailQueueController } from './email-queue.controller.js';
import { EmailQueueDepth } from './email-queue.depth.js';
import { EmailQueue } from './email-queue.repository.js';
import { EmailRetention } from './email-retention.service.js';
import { EmailWorker } from './email-worker.js';
import { MailJobs } from './jobs/mail-jobs.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { MailConfig } from './mail.config.js';
import { MAIL_PERMISSIONS } from './mail.permissions.js';
import { MailService } from './mail.service.js';
import { MailTemplates } from './mail-templates.js';
import { MAIL_TRANSPORT, type MailTransport } from './providers/mail-transport.js';
import { mailTransportProvider } from './providers/mail-transport.provider.js';
import { QueuedEmail, QueuedEmailSchema } from './schemas/queued-email.schema.js';

/**
 * Email: the queue (`emailqueue`) with its leased workers, retries and dead letters, the transport,
 * the drain job and the operators' routes, and the template registry every module contributes to.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: QueuedEmail.name, schema: QueuedEmailSchema }])],
  controllers: [EmailQueueController],
  providers: [
    configSectionProvider(MailConfig),
    mailTransportProvider,
    MailTemplates,
    EmailQueue,
    MailService,
    EmailWorker,
    EmailQueueAdminService,
    EmailQueueDepth,
    EmailRetention,
    MailJobs,
    IdentityListeners,
  ],
  exports: [MailService, EmailWorker],
})
export class MailModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly policy: PermissionPolicy,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.policy.register(MAIL_PERMISSIONS);
  }

  /** After the jobs' last ticks have finished (they drain before shutdown), the pooled connections close. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
