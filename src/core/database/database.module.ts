import { Global, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { characterLengths } from './character-lengths.js';
import { AppConfig } from '../config/app-config.js';
import { MongoMetrics } from '../metrics/mongo-metrics.js';
import { resolveDatabase, type DatabaseTarget } from './database-target.js';
import { IndexReadiness } from './index-readiness.js';
import { Lease, Leases, LeaseSchema } from './leases.js';
import { Sequence, Sequences, SequenceSchema } from './sequences.js';
import { TenantCaps } from './tenant-caps.js';
import { crossCheckInserts } from './validate-at-once.js';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

// Second layer against operator injection: filters built from user input never carry operators
// (`{ $gt: '' }` becomes an equality match), and unknown filter paths are dropped.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// Length limits count characters, as the DTOs and the API document do.
mongoose.plugin(characterLengths);

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly target: DatabaseTarget) {}
  async onApplicationShutdown(): Promise<void> {
    await this.target.stop();
  }
}

@Global()
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [DATABASE_TARGET, AppConfig, MongoMetrics],
      useFactory: (target: DatabaseTarget, config: AppConfig, metrics: MongoMetrics) => {
        crossCheckInserts(config.get('VALIDATION_CROSS_CHECK'));
        return {
          uri: target.uri,
          dbName: process.env.MONGODB_DB_NAME || undefined,
          serverSelectionTimeoutMS: config.get('MONGODB_SERVER_SELECTION_TIMEOUT_MS'),
          // Fail fast while the database is away (answered 503) instead of queueing requests.
          bufferCommands: false,
          retryAttempts: 3,
          // Pool use for GET /metrics, watched before the first connection opens (operations are timed by tracing).
          onConnectionCreate: (connection) => metrics.watch(connection),
        };
      },
    }),
    MongooseModule.forFeature([
      { name: Sequence.name, schema: SequenceSchema },
      { name: Lease.name, schema: LeaseSchema },
    ]),
  ],
  providers: [
    {
      provide: DATABASE_TARGET,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<DatabaseTarget> => {
        const logger = new Logger('Database');
        const target = await resolveDatabase({
          uri: config.get('MONGODB_URI'),
          dataDir: config.get('DATA_DIR'),
          log: (message) => logger.warn(message),
        });
        logger.log(`serving from ${target.description}`);
        if (target.kind !== 'external') {
          logger.warn('embedded database in use: production deployments must set MONGODB_URI');
        }
        return target;
      },
    },
    {
      provide: DatabaseLifecycle,
      inject: [DATABASE_TARGET],
      useFactory: (target: DatabaseTarget) => new DatabaseLifecycle(target),
    },
    IndexReadiness,
    Sequences,
    Leases,
    TenantCaps,
  ],
  exports: [DATABASE_TARGET, Sequences, Leases, TenantCaps],
})
export class DatabaseModule {}
