import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthCoreModule } from './auth/auth.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { IdempotencyModule } from './http/idempotency/idempotency.module.js';
import { InputShapeGuard } from './http/input-shape.guard.js';
import { ProblemFilter } from './http/problem.filter.js';
import { rateClassOf } from './http/rate-limit.js';
import { ShutdownLog } from './shutdown-log.js';

const reflector = new Reflector();
const MINUTE_MS = 60_000;

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
        ScheduleModule.forRoot(),
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            throttlers: [
              {
                name: 'auth',
                ttl: MINUTE_MS,
                limit: config.get('AUTH_RATE_LIMIT_PER_MINUTE'),
                skipIf: (context) => rateClassOf(reflector, context) !== 'auth',
              },
              {
                name: 'public',
                ttl: MINUTE_MS,
                limit: config.get('PUBLIC_RATE_LIMIT_PER_MINUTE'),
                skipIf: (context) => rateClassOf(reflector, context) !== 'public',
              },
            ],
          }),
        }),
      ],
      providers: [
        // Guards run in this order: reject operator keys, then rate limits, then authentication.
        { provide: APP_GUARD, useClass: InputShapeGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ShutdownLog,
      ],
    };
  }
}
