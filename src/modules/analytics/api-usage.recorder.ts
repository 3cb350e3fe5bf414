import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { AnalyticsConfig } from './analytics.config.js';
import { dayOf } from './privacy.js';
import { ApiUsage } from './schemas/api-usage.schema.js';

/** A full buffer is written at once rather than at the next tick. */
export const FLUSH_SIZE = 500;
/** Beyond this many unwritten records (the database unreachable) new ones are dropped and counted. */
export const MAX_BUFFERED = 10_000;

export interface UsageRecord {
  userId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

/**
 * Collects API usage in memory and writes it in unordered batches every ANALYTICS_API_USAGE_FLUSH_MS,
 * at FLUSH_SIZE records, and on shutdown. It is sampling-grade telemetry: a crash loses at most one
 * interval, and recording never waits for the database.
 */
@Injectable()
export class ApiUsageRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('ApiUsageRecorder');
  private buffer: Record<string, unknown>[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  /** Records dropped because the buffer was full, since boot. */
  dropped = 0;

  constructor(
    @InjectModel(ApiUsage.name) private readonly usages: Model<ApiUsage>,
    private readonly config: AnalyticsConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.ANALYTICS_API_USAGE_FLUSH_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(usage: UsageRecord): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    const at = new Date();
    this.buffer.push({
      at,
      day: dayOf(at),
      userId: new Types.ObjectId(usage.userId),
      method: usage.method,
      route: usage.route.slice(0, 300),
      status: usage.status,
      failed: usage.status >= 400 ? 1 : 0,
      durationMs: usage.durationMs,
    });
    if (this.buffer.length >= FLUSH_SIZE) void this.flush();
  }

  /** Writes what is buffered; flushes run one after another, so a slow write never overlaps the next. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.usages.collection.insertMany(batch, { ordered: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.logger.warn(`${batch.length} API usage records not written: ${reason}`);
    }
  }
}
