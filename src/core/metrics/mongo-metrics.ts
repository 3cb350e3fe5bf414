import { Injectable } from '@nestjs/common';
import type {
  CommandFailedEvent,
  CommandSucceededEvent,
  ConnectionPoolCreatedEvent,
  ConnectionPoolMonitoringEvent,
  MongoClient,
} from 'mongodb';
import { Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/** From half a millisecond (an indexed read by id) to 10 s. */
export const MONGO_DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One server's connection pool, as its CMAP events describe it. */
interface PoolState {
  checkedOut: number;
  open: number;
  /** maxPoolSize while the pool exists; 0 once closed (its connections may still be closing). */
  max: number;
}

/**
 * Database command durations (the driver's command monitoring) and connection pool use (its CMAP
 * events), by server address. Pool counts live in plain numbers updated by events and are read when scraped.
 */
@Injectable()
export class MongoMetrics {
  /** Whether the connection should turn on command monitoring (it costs an event per command). */
  readonly monitorCommands: boolean;
  private readonly duration: Histogram<'command' | 'outcome'>;
  /** Per client (a failed first connection is retried with a new one), then per server address. */
  private readonly clients = new Set<Map<string, PoolState>>();

  constructor(metrics: MetricsRegistry) {
    this.monitorCommands = metrics.enabled;
    const registers = [metrics.registry];
    this.duration = new Histogram({
      name: 'atrium_mongodb_command_duration_seconds',
      help: 'Duration of database commands as the driver saw them, by command name and outcome (ok, failed).',
      labelNames: ['command', 'outcome'],
      buckets: MONGO_DURATION_BUCKETS,
      registers,
    });
    const clients = this.clients;
    const poolGauge = (name: string, help: string, read: (pool: PoolState) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['address'],
        registers,
        collect() {
          this.reset();
          for (const pools of clients) for (const [address, pool] of pools) this.inc({ address }, read(pool));
        },
      });
    poolGauge('atrium_mongodb_pool_connections_checked_out', 'Pool connections lent to an operation now.', (pool) => pool.checkedOut);
    poolGauge('atrium_mongodb_pool_connections', 'Pool connections open now, lent or idle.', (pool) => pool.open);
    poolGauge('atrium_mongodb_pool_max_size', 'The most connections the pool may open (maxPoolSize).', (pool) => pool.max);
  }

  /** Subscribes to a client before it connects, so the first pool and its first connections are counted. */
  watch(client: MongoClient): void {
    const pools = new Map<string, PoolState>();
    this.clients.add(pools);
    client.once('topologyClosed', () => this.clients.delete(pools));
    client.on('commandSucceeded', (event: CommandSucceededEvent) =>
      this.duration.observe({ command: event.commandName, outcome: 'ok' }, event.duration / 1000),
    );
    client.on('commandFailed', (event: CommandFailedEvent) =>
      this.duration.observe({ command: event.commandName, outcome: 'failed' }, event.duration / 1000),
    );
    client.on('connectionPoolCreated', (event: ConnectionPoolCreatedEvent) => {
      poolOf(pools, event).max = event.options.maxPoolSize;
    });
    client.on('connectionPoolClosed', (event) => settle(pools, event, (pool) => (pool.max = 0)));
    client.on('connectionCreated', (event) => poolOf(pools, event).open++);
    client.on('connectionClosed', (event) => settle(pools, event, (pool) => pool.open--));
    client.on('connectionCheckedOut', (event) => poolOf(pools, event).checkedOut++);
    client.on('connectionCheckedIn', (event) => poolOf(pools, event).checkedOut--);
  }
}

function poolOf(pools: Map<string, PoolState>, event: ConnectionPoolMonitoringEvent): PoolState {
  let pool = pools.get(event.address);
  if (!pool) {
    pool = { checkedOut: 0, open: 0, max: 0 };
    pools.set(event.address, pool);
  }
  return pool;
}

/** A closed pool's row goes once its last connection has closed, so departed servers leave no series behind. */
function settle(pools: Map<string, PoolState>, event: ConnectionPoolMonitoringEvent, change: (pool: PoolState) => void): void {
  const pool = poolOf(pools, event);
  change(pool);
  if (pool.max === 0 && pool.open <= 0 && pool.checkedOut <= 0) pools.delete(event.address);
}
