import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * A backlog a module owns, read when metrics are scraped. Each read should be one indexed count (or
 * one indexed lookup for the oldest), so a scrape costs the same however long the queue grows.
 */
export interface QueueDepthSource {
  /** The `queue` label: `email`, `effects`. */
  name: string;
  /** Work still to do. */
  pending(): Promise<number>;
  /** Work given up on, waiting for an operator. */
  dead(): Promise<number>;
  /** How long the oldest pending work has waited; 0 when nothing waits. */
  oldestPendingAgeSeconds?(): Promise<number>;
}

type Reading = 'pending' | 'dead' | 'oldestPendingAgeSeconds';

/**
 * Where modules register their queues' depths. The values are read from MongoDB at scrape time, so
 * every instance reports the same numbers and nothing is kept in memory between scrapes.
 */
@Injectable()
export class QueueDepths {
  private readonly logger = new Logger(QueueDepths.name);
  private readonly sources = new Map<string, QueueDepthSource>();

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    const registered = this.sources;
    const read = (source: QueueDepthSource, reading: Reading) => this.read(source, reading);
    const gauge = (name: string, help: string, reading: Reading) =>
      new Gauge({
        name,
        help,
        labelNames: ['queue'],
        registers,
        async collect() {
          const sources = [...registered.values()];
          const values = await Promise.all(sources.map((source) => read(source, reading)));
          this.reset();
          sources.forEach((source, i) => {
            const value = values[i];
            if (value !== undefined) this.set({ queue: source.name }, value);
          });
        },
      });
    gauge('atrium_queue_pending', 'Work waiting in a queue (emails to send, effects owed), read from the database.', 'pending');
    gauge('atrium_queue_dead', 'Work a queue gave up on after its attempts, waiting for an operator.', 'dead');
    gauge('atrium_queue_oldest_pending_age_seconds', 'How long the oldest pending work of a queue has waited.', 'oldestPendingAgeSeconds');
  }

  register(source: QueueDepthSource): void {
    if (this.sources.has(source.name)) throw new Error(`queue ${source.name} registered twice`);
    this.sources.set(source.name, source);
  }

  /** A failed read leaves that queue's sample out of this scrape rather than failing the whole scrape. */
  private async read(source: QueueDepthSource, reading: Reading): Promise<number | undefined> {
    try {
      return await source[reading]?.();
    } catch (error) {
      this.logger.warn(`queue ${source.name} ${reading} unreadable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
