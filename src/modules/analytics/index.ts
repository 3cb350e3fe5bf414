/** The public surface of analytics: the module, its services' types and the events it publishes. */
export { AnalyticsModule } from './analytics.module.js';
export type { ApiUsageRecorder } from './api-usage.recorder.js';
export type { AnalyticsRetention } from './analytics-retention.service.js';
export type { AnalyticsStorage } from './storage/analytics-storage.js';
