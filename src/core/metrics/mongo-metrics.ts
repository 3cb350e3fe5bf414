import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { tracingChannel, type TracingChannelSubscribers } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { ConnectionPoolCreatedEvent, ConnectionPoolMonitoringEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { Gauge, Histogram } from 'prom-client';
import { OPERATION_CHANNELS, type OperationContext } from '../database/operation-tracing.js';
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

type TimedContext = OperationContext & { startedAt?: number; error?: unknown };

/**
 * Database operation durations and connection pool use (the driver's CMAP events), by server address.
 *
 * Operations are timed from tracing channels (Mongoose's own, and ours for driver calls), not from the
 * driver's command monitoring: with monitoring on, the driver deserializes every cursor reply a second
 * time for its event, which on a page of documents cost more than the rest of the request's database
 * work. Pool counts live in plain numbers updated by events and are read when scraped.
 */
@Injectable()
export class MongoMetrics implements OnModuleDestroy {
  private readonly duration: Histogram<'operation' | 'collection' | 'outcome'>;
  /** Per client (a failed first connection is retried with a new one), then per server address. */
  private readonly clients = new Set<Map<string, PoolState>>();
  /** The connections of this application: the channels are process-wide, and tests run several applications. */
  private readonly connections = new Set<Connection>();
  private readonly subscribers: TracingChannelSubscribers<TimedContext> = {
    start: (context) => {
      context.startedAt = performance.now();
    },
    asyncStart: () => undefined,
    asyncEnd: (context) => this.observe(context),
    error: () => undefined,
    // A call that throws before it returns a promise ends here, with no asyncEnd.
    end: (context) => {
      if (context.error !== undefined && !('result' in context)) this.observe(context);
    },
  };

  constructor(private readonly metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.duration = new Histogram({
      name: 'atrium_mongodb_operation_duration_seconds',
      help:
        'Duration of database operations (a query, aggregate, insert, update or bulk write, from its start to its ' +
        'answer), by operation, collection and outcome (ok, failed).',
      labelNames: ['operation', 'collection', 'outcome'],
      buckets: MONGO_DURATION_BUCKETS,
      registers,
    });
    if (metrics.enabled) for (const name of OPERATION_CHANNELS) tracingChannel<unknown, TimedContext>(name).subscribe(this.subscribers);
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

  onModuleDestroy(): void {
    if (this.metrics.enabled)
      for (const name of OPERATION_CHANNELS) tracingChannel<unknown, TimedContext>(name).unsubscribe(this.subscribers);
  }

  /** Subscribes to a connection's client before it connects, so the first pool and its first connections are counted. */
  watch(connection: Connection): void {
    this.connections.add(connection);
    const client = connection.getClient();
    const pools = new Map<string, PoolState>();
    this.clients.add(pools);
    client.once('topologyClosed', () => {
      this.clients.delete(pools);
      this.connections.delete(connection);
    });
    client.on('connectionPoolCreated', (event: ConnectionPoolCreatedEvent) => {
      poolOf(pools, event).max = event.options.maxPoolSize;
    });
    client.on('connectionPoolClosed', (event) => settle(pools, event, (pool) => (pool.max = 0)));
    client.on('connectionCreated', (event) => poolOf(pools, event).open++);
    client.on('connectionClosed', (event) => settle(pools, event, (pool) => pool.open--));
    client.on('connectionCheckedOut', (event) => poolOf(pools, event).checkedOut++);
    client.on('connectionCheckedIn', (event) => poolOf(pools, event).checkedOut--);
  }

  private observe(context: TimedContext): void {
    if (context.startedAt === undefined || !this.ours(context.database)) return;
    this.duration.observe(
      { operation: context.operation, collection: context.collection ?? '', outcome: context.error === undefined ? 'ok' : 'failed' },
      (performance.now() - context.startedAt) / 1000,
    );
  }

  private ours(database: string | undefined): boolean {
    for (const connection of this.connections) if (connection.name === database) return true;
    return false;
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
