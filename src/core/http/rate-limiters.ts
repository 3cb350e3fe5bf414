import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import type { RateClass } from './rate-limit.js';
import { traceDriverCall, type OperationContext } from '../database/operation-tracing.js';

/** One collection for every class; the class is the key prefix (`auth:…`, `public:…`, `user:…`). */
export const RATE_LIMIT_COLLECTION = 'ratelimits';
const OUTAGE_WARNING_INTERVAL_MS = 60_000;

export type LimitedClass = Exclude<RateClass, 'none'>;

/** What one counted request learnt: the figures of the RateLimit-* headers, and whether it may go on. */
export interface RateLimitOutcome {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

interface ClassLimiter {
  limit: number;
  shared: RateLimiterMongo;
  /** Counts on this instance alone while the database is unreachable. */
  local: RateLimiterMemory;
}

/**
 * The limiters, built once at boot: counts live in MongoDB so every instance shares them (one
 * findOneAndUpdate per counted request). While the database is away each instance counts alone
 * in memory rather than refusing or failing every request; the request itself then meets the outage.
 */
@Injectable()
export class RateLimiters implements OnModuleInit {
  private readonly logger = new Logger('RateLimit');
  private readonly limiters = new Map<LimitedClass, ClassLimiter>();
  private lastWarningAt = 0;
  private countingLocally = false;
  /** How the shared count's round trip is named in the database metrics. */
  private readonly traced: OperationContext;

  constructor(
    config: AppConfig,
    @InjectConnection() private readonly connection: Connection,
  ) {
    this.traced = { operation: 'rateLimit.consume', collection: RATE_LIMIT_COLLECTION, database: connection.name };
    const duration = config.get('RATE_LIMIT_WINDOW_SECONDS');
    const limits: Record<LimitedClass, number> = {
      auth: config.get('AUTH_RATE_LIMIT_PER_MINUTE'),
      public: config.get('PUBLIC_RATE_LIMIT_PER_MINUTE'),
      user: config.get('USER_RATE_LIMIT_PER_MINUTE'),
    };
    for (const [rateClass, points] of Object.entries(limits) as [LimitedClass, number][]) {
      if (points === 0) continue;
      const shared = new RateLimiterMongo({
        storeClient: connection.getClient(),
        dbName: connection.name,
        tableName: RATE_LIMIT_COLLECTION,
        keyPrefix: rateClass,
        points,
        duration,
        // A key over its limit is refused from memory until its window ends: no round trip for a flood.
        inMemoryBlockOnConsumed: points,
        disableIndexesCreation: true,
      });
      this.limiters.set(rateClass, { limit: points, shared, local: new RateLimiterMemory({ keyPrefix: rateClass, points, duration }) });
    }
  }

  /** The library's own indexes (unique key, TTL on `expire`), in place before the first request. */
  async onModuleInit(): Promise<void> {
    const [first] = this.limiters.values();
    await first?.shared.createIndexes();
  }

  enabled(rateClass: LimitedClass): boolean {
    return this.limiters.has(rateClass);
  }

  /** Counts one request of `key` in its class; undefined when the class is turned off. */
  async consume(rateClass: LimitedClass, key: string): Promise<RateLimitOutcome | undefined> {
    const limiter = this.limiters.get(rateClass);
    if (!limiter) return undefined;
    if (this.connection.readyState === mongoose.ConnectionStates.connected) {
      try {
        const outcome = await traceDriverCall(this.traced, () => settle(limiter.limit, limiter.shared.consume(key)));
        this.noteShared();
        return outcome;
      } catch (error) {
        this.noteLocal(error);
      }
    } else {
      this.noteLocal(new Error('the database connection is not open'));
    }
    return settle(limiter.limit, limiter.local.consume(key));
  }

  private noteLocal(error: unknown): void {
    this.countingLocally = true;
    const now = Date.now();
    if (now - this.lastWarningAt < OUTAGE_WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`rate limits are counted per instance while the database is unreachable: ${reason}`);
  }

  private noteShared(): void {
    if (!this.countingLocally) return;
    this.countingLocally = false;
    this.lastWarningAt = 0;
    this.logger.log('rate limits are shared again');
  }
}

/** The library resolves a counted request and rejects a refused one with the same result type. */
async function settle(limit: number, counted: Promise<RateLimiterRes>): Promise<RateLimitOutcome> {
  let result: RateLimiterRes;
  let allowed = true;
  try {
    result = await counted;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    result = error;
    allowed = false;
  }
  return { allowed, limit, remaining: result.remainingPoints, resetSeconds: Math.max(0, Math.ceil(result.msBeforeNext / 1000)) };
}
