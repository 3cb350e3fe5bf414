import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { AnalyticsConfig } from './analytics.config.js';
import { ANALYTICS_PERMISSIONS } from './analytics.permissions.js';
import { AnalyticsRetention } from './analytics-retention.service.js';
import { ApiUsageHook } from './api-usage.hook.js';
import { ApiUsageRecorder } from './api-usage.recorder.js';
import { DashboardsController } from './dashboards.controller.js';
import { DashboardsService } from './dashboards.service.js';
import { EventIngest } from './event-ingest.service.js';
import { AnalyticsJobs } from './jobs/analytics-jobs.js';
import { AnalyticsIdentityListeners } from './listeners/identity.listeners.js';
import { ApiUsage, ApiUsageSchema } from './schemas/api-usage.schema.js';
import {
  ChatInteraction,
  ChatInteractionSchema,
  PerformanceMetric,
  PerformanceMetricSchema,
  ToolUsage,
  ToolUsageSchema,
  UserBehavior,
  UserBehaviorSchema,
  UserEvent,
  UserEventSchema,
} from './schemas/event-streams.schema.js';
import { Pageview, PageviewSchema } from './schemas/pageview.schema.js';
import { Visit, VisitSchema } from './schemas/visit.schema.js';
import { Visitor, VisitorSchema } from './schemas/visitor.schema.js';
import { AnalyticsStorage } from './storage/analytics-storage.js';
import { TrackingController } from './tracking.controller.js';
import { VisitorTracking } from './visitor-tracking.service.js';

/** Product analytics: visitors, visits, page views, events and usage, written in batches. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Visitor.name, schema: VisitorSchema },
      { name: Visit.name, schema: VisitSchema },
      { name: Pageview.name, schema: PageviewSchema },
      { name: UserEvent.name, schema: UserEventSchema },
      { name: ChatInteraction.name, schema: ChatInteractionSchema },
      { name: ToolUsage.name, schema: ToolUsageSchema },
      { name: UserBehavior.name, schema: UserBehaviorSchema },
      { name: PerformanceMetric.name, schema: PerformanceMetricSchema },
      { name: ApiUsage.name, schema: ApiUsageSchema },
    ]),
  ],
  controllers: [TrackingController, DashboardsController],
  providers: [
    configSectionProvider(AnalyticsConfig),
    AnalyticsStorage,
    AnalyticsRetention,
    AnalyticsJobs,
    VisitorTracking,
    EventIngest,
    DashboardsService,
    ApiUsageRecorder,
    AnalyticsIdentityListeners,
    ApiUsageHook,
  ],
  exports: [ApiUsageRecorder, AnalyticsRetention, AnalyticsStorage],
})
export class AnalyticsModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(ANALYTICS_PERMISSIONS);
  }
}
