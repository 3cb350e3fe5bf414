import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/** From 10 ms to 5 minutes: ticks range from an empty sweep to a large batch. */
export const JOB_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** Scheduled job ticks on this instance, recorded by the job runner. */
@Injectable()
export class JobMetrics {
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly duration: Histogram<'job' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.runs = new Counter({
      name: 'atrium_job_runs_total',
      help: 'Scheduled job ticks on this instance, by job and outcome (succeeded, failed, skipped: another instance ran it).',
      labelNames: ['job', 'outcome'],
      registers: [metrics.registry],
    });
    this.duration = new Histogram({
      name: 'atrium_job_duration_seconds',
      help: 'Duration of the job ticks this instance ran, by job and outcome.',
      labelNames: ['job', 'outcome'],
      buckets: JOB_DURATION_BUCKETS,
      registers: [metrics.registry],
    });
  }

  ran(job: string, outcome: 'succeeded' | 'failed', seconds: number): void {
    this.runs.inc({ job, outcome });
    this.duration.observe({ job, outcome }, seconds);
  }

  skipped(job: string): void {
    this.runs.inc({ job, outcome: 'skipped' });
  }
}
