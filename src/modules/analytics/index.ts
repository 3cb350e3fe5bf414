/** The public surface of analytics: the module, its services' types and the events it publishes. */
export { AnalyticsModule } from './analytics.module.js';
