import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../../core/metrics/metrics-registry.js';

/** Audit writes that failed: the action happened, its entry is missing; alert on any increase. */
@Injectable()
export class AuditMetrics {
  private readonly failures: Counter<'action'>;

  constructor(metrics: MetricsRegistry) {
    this.failures = new Counter({
      name: 'atrium_audit_write_failures_total',
      help: 'Audit log entries that could not be written, by action (the action itself went through; the entry is in the error log).',
      labelNames: ['action'],
      registers: [metrics.registry],
    });
  }

  writeFailed(action: string): void {
    this.failures.inc({ action: action.slice(0, 64) });
  }

  /** The current count, for the tests and the admin view. */
  async failuresOf(action: string): Promise<number> {
    const metric = await this.failures.get();
    return metric.values.find((value) => value.labels.action === action)?.value ?? 0;
  }
}
