import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config.js';
import { isDuplicateKey } from '../database/duplicate-key.js';
import { JobLock } from './job-lock.schema.js';

export interface JobResult {
  /** Units of work done (emails sent, notifications purged), for GET /api/admin/jobs. */
  items: number;
}

/**
 * Runs each tick of a scheduled job on exactly one instance. Every instance's scheduler fires; the
 * first to claim the tick in MongoDB (one atomic update: tick not yet run, lease free or expired)
 * runs it, the others skip. A crashed holder's lease expires after `leaseMs`.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  /** This process, as lease owner. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Interval of every job this instance schedules, by name. */
  readonly schedules = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectModel(JobLock.name) private readonly locks: Model<JobLock>,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  /**
   * Schedules `work` every `everyMs` on this instance (unless JOBS_ENABLED is false); each tick runs
   * on one instance only. The scheduler stops it on shutdown.
   */
  every(name: string, everyMs: number, work: () => Promise<JobResult>, leaseMs = Math.max(everyMs * 2, 30_000)): void {
    this.schedules.set(name, everyMs);
    if (!this.config.get('JOBS_ENABLED')) return;
    const timer = setInterval(() => {
      const tick = this.runTick(name, JobRunner.tickOf(everyMs), leaseMs, work).catch((error: unknown) => {
        this.logger.warn(`job ${name} could not run: ${error instanceof Error ? error.message : String(error)}`);
      });
      this.inFlight.add(tick);
      void tick.finally(() => this.inFlight.delete(tick));
    }, everyMs);
    this.scheduler.addInterval(name, timer);
  }

  /** Stops this instance's timers and lets running ticks finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of this.schedules.keys()) {
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
    }
    await Promise.allSettled([...this.inFlight]);
  }

  /** The tick of an interval job: the same number on every instance during the same interval. */
  static tickOf(intervalMs: number, at = Date.now()): number {
    return Math.floor(at / intervalMs);
  }

  async runTick(name: string, tick: number, leaseMs: number, work: () => Promise<JobResult>): Promise<JobResult | undefined> {
    if (!(await this.claim(name, tick, leaseMs))) return undefined;
    const started = Date.now();
    try {
      const result = await work();
      await this.finish(name, {
        lastOutcome: 'succeeded',
        lastItems: result.items,
        lastDurationMs: Date.now() - started,
        lastError: undefined,
      });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`job ${name} tick ${tick} failed: ${message}`);
      await this.finish(name, {
        lastOutcome: 'failed',
        lastItems: 0,
        lastDurationMs: Date.now() - started,
        lastError: message.slice(0, 1000),
      });
      return undefined;
    }
  }

  private async claim(name: string, tick: number, leaseMs: number): Promise<boolean> {
    const now = new Date();
    try {
      const claimed = await this.locks.findOneAndUpdate(
        {
          name,
          lastTick: trusted({ $lt: tick }),
          $or: [{ lockedUntil: null }, { lockedUntil: trusted({ $lte: now }) }, { owner: this.instanceId }],
        },
        {
          $set: { owner: this.instanceId, lockedUntil: new Date(now.getTime() + leaseMs), lastTick: tick, lastRunAt: now },
          $inc: { runs: 1 },
        },
        { upsert: true, returnDocument: 'after', projection: { _id: 1 } },
      );
      return claimed !== null;
    } catch (error) {
      // The upsert of a job another instance holds collides with its row: not ours this tick.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async finish(name: string, outcome: Partial<JobLock>): Promise<void> {
    await this.locks.updateOne({ name, owner: this.instanceId }, { $set: { ...outcome, lockedUntil: new Date() } });
  }

  status(): Promise<JobLock[]> {
    return this.locks.find().sort({ name: 1 }).lean<JobLock[]>();
  }
}
