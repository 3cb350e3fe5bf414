import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig } from '../config/app-config.js';
import { isDuplicateKey } from '../database/duplicate-key.js';
import { JobMetrics } from '../metrics/job-metrics.js';
import { CRON_TIME_ZONE, cronFireTime } from './cron-schedule.js';
import { JobLock, RECENT_TICKS_KEPT } from './job-lock.schema.js';
import type { JobSchedule } from './job-schedule.js';

export interface JobResult {
  /** Units of work done (emails sent, notifications purged), for GET /api/admin/jobs. */
  items: number;
}

/** The work of one tick; `tick` (epoch ms of the occurrence) is the number every instance claimed it by. */
export type JobWork = (tick: number) => Promise<JobResult>;

/** A wall-clock tick's default lease: long enough for a nightly batch, short beside the next night. */
const CRON_LEASE_MS = 15 * 60_000;

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
  /** Schedule of every job this instance schedules, by name. */
  readonly schedules = new Map<string, JobSchedule>();
  /** The work of every job this instance knows, so an admin can run one now even where timers are off. */
  private readonly works = new Map<string, { work: JobWork; leaseMs: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectModel(JobLock.name) private readonly locks: Model<JobLock>,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly metrics: JobMetrics,
  ) {}

  /**
   * Schedules `work` every `everyMs` on this instance (unless JOBS_ENABLED is false); each tick runs
   * on one instance only. The scheduler stops it on shutdown.
   */
  every(name: string, everyMs: number, work: JobWork, leaseMs = Math.max(everyMs * 2, 30_000)): void {
    this.schedules.set(name, { everyMs });
    this.works.set(name, { work, leaseMs });
    if (!this.config.get('JOBS_ENABLED')) return;
    const timer = setInterval(() => this.fire(name, () => JobRunner.tickOf(everyMs), leaseMs, work), everyMs);
    this.scheduler.addInterval(name, timer);
  }

  /**
   * Schedules `work` at the occurrences of a cron expression (UTC; five fields, or six with seconds
   * first) on this instance (unless JOBS_ENABLED is false). The tick is the occurrence's scheduled time,
   * which every instance computes alike, so each occurrence runs on one instance only.
   */
  cron(name: string, expression: string, work: JobWork, leaseMs = CRON_LEASE_MS): void {
    this.schedules.set(name, { cron: expression });
    this.works.set(name, { work, leaseMs });
    if (!this.config.get('JOBS_ENABLED')) return;
    const job: CronJob = CronJob.from({
      cronTime: expression,
      timeZone: CRON_TIME_ZONE,
      // lastDate() is when this timer fired; the tick is the occurrence it fired for.
      onTick: (): void => this.fire(name, () => cronFireTime(expression, (job.lastDate() ?? new Date()).getTime()), leaseMs, work),
      start: false,
    });
    this.scheduler.addCronJob(name, job);
    job.start();
  }

  /** One timer firing: claims and runs the tick, remembered until it ends so shutdown can wait for it. */
  private fire(name: string, tickNow: () => number, leaseMs: number, work: JobWork): void {
    const tick = Promise.resolve()
      .then(() => this.runTick(name, tickNow(), leaseMs, work))
      .catch((error: unknown) => {
        this.logger.warn(`job ${name} could not run: ${error instanceof Error ? error.message : String(error)}`);
      });
    this.inFlight.add(tick);
    void tick.finally(() => this.inFlight.delete(tick));
  }

  /** Stops this instance's timers and lets running ticks finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of this.schedules.keys()) {
      if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
      if (this.scheduler.doesExist('cron', name)) this.scheduler.deleteCronJob(name);
    }
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * The tick of an interval job: the interval's start in epoch ms, the same number on every instance
   * during the same interval. Cron ticks are epoch ms too, so a job moved from one kind of schedule to
   * the other keeps comparing ticks on one scale.
   */
  static tickOf(intervalMs: number, at = Date.now()): number {
    return Math.floor(at / intervalMs) * intervalMs;
  }

  /**
   * Runs a job now, on this instance, as one more tick (the current time). Refused while any instance
   * holds the job's lease, so two admins asking at once, on two instances, run it once. The scheduled
   * occurrence already due in this interval is then skipped: the job has just run.
   */
  async runNow(name: string): Promise<{ tick: number } | 'unknown' | 'running'> {
    const job = this.works.get(name);
    if (!job) return 'unknown';
    const tick = Date.now();
    if (!(await this.claim(name, tick, job.leaseMs, { reclaimOwnLease: false }))) return 'running';
    const run = this.execute(name, tick, job.work).catch((error: unknown) => this.logger.error(`job ${name} run failed: ${String(error)}`));
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return { tick };
  }

  async runTick(name: string, tick: number, leaseMs: number, work: JobWork): Promise<JobResult | undefined> {
    if (!(await this.claim(name, tick, leaseMs))) {
      this.metrics.skipped(name);
      return undefined;
    }
    return this.execute(name, tick, work);
  }

  /** The claimed tick's work, its outcome on the lock row and in the metrics. */
  private async execute(name: string, tick: number, work: JobWork): Promise<JobResult | undefined> {
    const started = Date.now();
    try {
      const result = await work(tick);
      await this.finish(name, {
        lastOutcome: 'succeeded',
        lastItems: result.items,
        lastDurationMs: Date.now() - started,
        lastError: undefined,
      });
      this.metrics.ran(name, 'succeeded', (Date.now() - started) / 1000);
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
      this.metrics.ran(name, 'failed', (Date.now() - started) / 1000);
      return undefined;
    }
  }

  /** `reclaimOwnLease`: a timer's next tick may follow this instance's own unfinished one; a manual run may not. */
  private async claim(name: string, tick: number, leaseMs: number, { reclaimOwnLease = true } = {}): Promise<boolean> {
    const now = new Date();
    const leaseFree = [
      { lockedUntil: null },
      { lockedUntil: trusted({ $lte: now }) },
      ...(reclaimOwnLease ? [{ owner: this.instanceId }] : []),
    ];
    try {
      const claimed = await this.locks.findOneAndUpdate(
        { name, lastTick: trusted({ $lt: tick }), $or: leaseFree },
        {
          $set: { owner: this.instanceId, lockedUntil: new Date(now.getTime() + leaseMs), lastTick: tick, lastRunAt: now },
          $inc: { runs: 1 },
          $push: { recentTicks: { $each: [{ tick, owner: this.instanceId, at: now }], $slice: -RECENT_TICKS_KEPT } },
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
