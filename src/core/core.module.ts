import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthCoreModule } from './auth/auth.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { FeatureGateGuard } from './auth/feature-gate.js';
import { TenantScopeGuard } from './auth/tenant-scope.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { IdempotencyModule } from './http/idempotency/idempotency.module.js';
import { InputShapeGuard } from './http/input-shape.guard.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ClientRateLimitGuard, UserRateLimitGuard } from './http/rate-limit.guard.js';
import { RateLimitPurgeJob } from './http/rate-limit-purge.job.js';
import { RateLimiters } from './http/rate-limiters.js';
import { ShutdownLog } from './shutdown-log.js';

/** Cross-cutting pieces every context relies on; knows no business context. */
@Module({})
export class CoreModule {
  static register(): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        AppConfigModule.register(),
        DatabaseModule,
        AuthCoreModule,
        IdempotencyModule,
        JobsModule,
        EventsModule,
        MetricsModule,
        ScheduleModule.forRoot(),
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
      ],
      providers: [
        // Guards run in this order: reject operator keys, limits per client address, authentication, the limit per user,
        // the tenant the route acts in, the plan's features.
        { provide: APP_GUARD, useClass: InputShapeGuard },
        { provide: APP_GUARD, useClass: ClientRateLimitGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
        { provide: APP_GUARD, useClass: TenantScopeGuard },
        { provide: APP_GUARD, useClass: FeatureGateGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        RateLimiters,
        RateLimitPurgeJob,
        ShutdownLog,
      ],
    };
  }
}
