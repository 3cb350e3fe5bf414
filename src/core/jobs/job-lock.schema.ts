import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** How many claimed ticks a job's row remembers. */
export const RECENT_TICKS_KEPT = 20;

@Schema({ _id: false })
export class RecentTick {
  @Prop({ required: true }) tick: number;
  @Prop({ required: true }) owner: string;
  @Prop({ required: true }) at: Date;
}
const RecentTickSchema = SchemaFactory.createForClass(RecentTick);

/**
 * One row per scheduled job: who holds its lease, the last tick it ran, and how that run went.
 * Shared by every instance, so a tick runs once however many instances fire it.
 */
@Schema({ collection: 'joblocks', timestamps: true })
export class JobLock {
  @Prop({ required: true }) name: string;
  @Prop() owner?: string;
  @Prop() lockedUntil?: Date;
  /** The highest tick claimed; a tick at or below it has already run somewhere. */
  @Prop({ default: -1 }) lastTick: number;
  @Prop({ default: 0 }) runs: number;
  @Prop() lastRunAt?: Date;
  @Prop() lastDurationMs?: number;
  @Prop({ type: String, enum: ['succeeded', 'failed'] }) lastOutcome?: 'succeeded' | 'failed';
  @Prop() lastItems?: number;
  @Prop({ maxlength: 1000 }) lastError?: string;
  /** The last few ticks claimed and by whom, newest last: evidence that each ran once, bounded by the claim's $slice. */
  @Prop({ type: [RecentTickSchema] }) recentTicks?: RecentTick[];
}

export type JobLockDocument = HydratedDocument<JobLock>;
export const JobLockSchema = SchemaFactory.createForClass(JobLock);

// The lease is claimed by name with one atomic update; the unique index stops two first claims.
JobLockSchema.index({ name: 1 }, { unique: true });
