import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { trusted, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKey } from './duplicate-key.js';
import { ProblemException } from '../http/problem.js';

/**
 * A short hold on one named thing (a user's calendar, a tenant's quota of agents), keyed by that name: whoever
 * holds it may check and write in one uninterrupted step. A holder that crashed loses it at `until`, taken
 * over by the next caller, so no hold outlives its lease.
 */
@Schema({ collection: 'leases', versionKey: false })
export class Lease {
  /** What is held, as `<kind>:<id>`. */
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true, maxlength: 64 }) holder: string;
  @Prop({ required: true }) until: Date;
}
export const LeaseSchema = SchemaFactory.createForClass(Lease);
// No secondary index: every read and write goes by _id.

export interface LeaseOptions {
  /** Long enough for the work's reads and one write; a crashed holder blocks the key no longer than this. */
  leaseMs?: number;
  /** How long a caller waits for a key someone else holds before giving up. */
  waitMs?: number;
  /** What the caller hears when it gave up waiting. */
  busy?: () => Error;
}

const RETRY_MS = 25;
const busyProblem = () =>
  new ProblemException(HttpStatus.CONFLICT, 'busy', 'Busy', 'Another change to the same thing is being made; try again.');

/**
 * Why a lease and not a unique index: some rules are questions about many documents ("any session of this user
 * between these times", "fewer than 200 agents in this tenant") that no unique index answers, and the database
 * may have no transactions. So the check and the write run while holding the key: one small document taken by
 * an upsert on its _id (two takers collide on the duplicate key and exactly one wins). Keys are taken in sorted
 * order, so two callers needing the same pair cannot deadlock. Shared by every instance: the state is in MongoDB.
 */
@Injectable()
export class Leases {
  private readonly logger = new Logger(Leases.name);

  constructor(@InjectModel(Lease.name) private readonly leases: Model<Lease>) {}

  async withHeld<T>(keys: readonly string[], work: () => Promise<T>, options: LeaseOptions = {}): Promise<T> {
    const holder = randomUUID();
    const held: string[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) {
        await this.take(key, holder, options);
        held.push(key);
      }
      return await work();
    } finally {
      // A failed release must not replace the work's own answer (already written): the lease runs out by itself.
      if (held.length > 0)
        await this.leases
          .deleteMany({ _id: trusted({ $in: held }), holder } as QueryFilter<Lease>)
          .catch((error: unknown) => this.logger.warn(`leases ${held.join(', ')} left to expire: ${String(error)}`));
    }
  }

  private async take(key: string, holder: string, { leaseMs = 10_000, waitMs = 3_000, busy = busyProblem }: LeaseOptions): Promise<void> {
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const now = new Date();
      try {
        // Matches only a free (expired) lease; when a live one exists the upsert inserts the same _id and collides.
        await this.leases.updateOne(
          { _id: key, until: trusted({ $lte: now }) } as QueryFilter<Lease>,
          { $set: { holder, until: new Date(now.getTime() + leaseMs) } },
          { upsert: true },
        );
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      if (Date.now() >= giveUpAt) throw busy();
      await sleep(RETRY_MS);
    }
  }
}
