import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { JobRunner } from '../jobs/job-runner.js';
import { RATE_LIMIT_COLLECTION } from './rate-limiters.js';

const EVERY_MS = 10 * 60_000;

/**
 * Counts whose window has ended. MongoDB's TTL index on `expire` removes them; a server without TTL
 * expiry (the development stand-in) keeps them, so this removes them too, whichever comes first.
 */
@Injectable()
export class RateLimitPurgeJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobRunner,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('rate-limits.purge', EVERY_MS, () => this.purge());
  }

  async purge(now = new Date()): Promise<{ items: number }> {
    const { deletedCount } = await this.connection.collection(RATE_LIMIT_COLLECTION).deleteMany({ expire: { $lt: now } });
    return { items: deletedCount };
  }
}
