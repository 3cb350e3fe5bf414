import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule } from './core/core.module.js';
import { AuditModule } from './modules/audit/index.js';
import { BillingModule } from './modules/billing/index.js';
import { EntitlementsModule } from './modules/entitlements/index.js';
import { HealthModule } from './modules/health/index.js';
import { IdentityModule } from './modules/identity/index.js';
import { MarketingModule } from './modules/marketing/index.js';
import { MailModule } from './modules/mail/index.js';
import { NotificationsModule } from './modules/notifications/index.js';
import { PresenceModule } from './modules/presence/index.js';
import { SupportModule } from './modules/support/index.js';
import { TenancyModule } from './modules/tenancy/index.js';
import { FilesModule } from './modules/files/index.js';
import { CareersModule } from './modules/careers/index.js';
import { WebinarsModule } from './modules/webinars/index.js';
import { SuggestionsModule } from './modules/suggestions/index.js';
import { FavoritesModule } from './modules/favorites/index.js';
import { PersonalizationModule } from './modules/personalization/index.js';
import { LabModule } from './modules/lab/index.js';
import { AnalyticsModule } from './modules/analytics/index.js';
import { SkillsModule } from './modules/skills/index.js';
import { LearningModule } from './modules/learning/index.js';
import { SessionsModule } from './modules/sessions/index.js';
import { LeadsModule } from './modules/leads/index.js';
import { VoiceAgentsModule } from './modules/voice-agents/index.js';
import { VoiceCallsModule } from './modules/voice-calls/index.js';
import { CallBatchesModule } from './modules/call-batches/index.js';
import { TenantWebhooksModule } from './modules/tenant-webhooks/index.js';

@Module({})
export class AppModule {
  /** Core (configuration, database, auth, HTTP conventions) plus every bounded context. */
  static register(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(),
        AuditModule,
        HealthModule,
        IdentityModule,
        BillingModule,
        MailModule,
        NotificationsModule,
        PresenceModule,
        MarketingModule,
        SupportModule,
        EntitlementsModule,
        TenancyModule,
        FilesModule,
        CareersModule,
        WebinarsModule,
        SuggestionsModule,
        FavoritesModule,
        PersonalizationModule,
        LabModule,
        AnalyticsModule,
        SkillsModule,
        LearningModule,
        SessionsModule,
        LeadsModule,
        VoiceAgentsModule,
        VoiceCallsModule,
        CallBatchesModule,
        TenantWebhooksModule,
      ],
    };
  }
}
