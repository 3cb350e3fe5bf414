/** What the rest of the application uses of the metrics: the module, the queue-depth registry, the route. */
export { MetricsModule } from './metrics.module.js';
export { QueueDepths, type QueueDepthSource } from './queue-depths.js';
export { registerMetrics } from './metrics.route.js';
