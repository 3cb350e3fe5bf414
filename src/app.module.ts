import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule } from './core/core.module.js';
import { BillingModule } from './modules/billing/billing.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { MarketingModule } from './modules/marketing/marketing.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PresenceModule } from './modules/presence/presence.module.js';
import { SupportModule } from './modules/support/index.js';

@Module({})
export class AppModule {
  /** Core (configuration, database, auth, HTTP conventions) plus every bounded context. */
  static register(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(),
        HealthModule,
        IdentityModule,
        BillingModule,
        NotificationsModule,
        PresenceModule,
        MarketingModule,
        SupportModule,
      ],
    };
  }
}
