import { Global, Module } from '@nestjs/common';
import { EffectsQueueDepth } from './effects-queue-depth.js';
import { HttpMetrics } from './http-metrics.js';
import { JobMetrics } from './job-metrics.js';
import { MetricsRegistry } from './metrics-registry.js';
import { MongoMetrics } from './mongo-metrics.js';
import { QueueDepths } from './queue-depths.js';

/**
 * Prometheus metrics: process, HTTP, database, jobs and queue depths. Global, so the job runner, the
 * database connection and every module's queue can record into the one registry; served by registerMetrics.
 */
@Global()
@Module({
  providers: [MetricsRegistry, HttpMetrics, MongoMetrics, JobMetrics, QueueDepths, EffectsQueueDepth],
  exports: [MetricsRegistry, HttpMetrics, MongoMetrics, JobMetrics, QueueDepths],
})
export class MetricsModule {}
