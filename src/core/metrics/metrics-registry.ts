import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config.js';

/**
 * This application's metrics. A registry per application, not prom-client's global one, so that
 * several applications in one process (the tests) each count their own.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  /** Metrics are served only when a scrape token is configured; otherwise nothing costly is collected. */
  readonly enabled: boolean;

  constructor(config: AppConfig) {
    this.enabled = Boolean(config.get('METRICS_TOKEN'));
    // Process metrics keep their standard names (process_*, nodejs_*) so stock dashboards read them.
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
  }
}
