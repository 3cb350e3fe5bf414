import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { MailModule, MailService } from '../mail/index.js';
import { CaptureLinks } from './capture-links.js';
import { EmailCapturesController } from './email-captures.controller.js';
import { EmailCapturesService } from './email-captures.service.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { MarketingConfig } from './marketing.config.js';
import { MARKETING_PERMISSIONS } from './marketing.permissions.js';
import { MARKETING_TEMPLATES } from './marketing.templates.js';
import { EmailCapture, EmailCaptureSchema } from './schemas/email-capture.schema.js';

/** Email sign-ups with double opt-in and one-click unsubscribe (seed 002's emailCaptures); the mail side sends what they owe. */
@Module({
  imports: [MailModule, MongooseModule.forFeature([{ name: EmailCapture.name, schema: EmailCaptureSchema }])],
  controllers: [EmailCapturesController],
  providers: [configSectionProvider(MarketingConfig), CaptureLinks, EmailCapturesService, IdentityListeners],
  exports: [CaptureLinks],
})
export class MarketingModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    @InjectModel(EmailCapture.name) private readonly captures: Model<EmailCapture>,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.policy.register(MARKETING_PERMISSIONS);
    this.mail.templates.register(...MARKETING_TEMPLATES);
    // The sweep retries a confirmation email the sign-up owes and could not hand over at once.
    this.relay.carry(this.captures);
  }
}
