import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, type Model } from 'mongoose';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { CallProgress } from '../call-progress.js';
import { CallSlots } from '../call-slots.js';
import { isFinalCall, LIVE_CALL_STATUSES } from '../call.lifecycle.js';
import { VoiceCall } from '../schemas/voice-call.schema.js';
import { VoiceCallsConfig } from '../voice-calls.config.js';

export const STUCK_CALLS_JOB = 'voice-calls.stuck-calls';
const BATCH = 200;

/**
 * Calls whose provider went silent (a simulator that died, a lost end-of-call report) must not hold their slots
 * forever: calls in flight for longer than the longest call are failed with `timeout`, and slots whose call has
 * ended (or no longer exists) are freed. Every step is a compare-and-set or an idempotent delete, so two
 * instances sweeping at once do the work once.
 */
@Injectable()
export class StuckCallsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(StuckCallsJob.name);

  constructor(
    @InjectModel(VoiceCall.name) private readonly calls: Model<VoiceCall>,
    private readonly slots: CallSlots,
    private readonly progress: CallProgress,
    private readonly jobs: JobRunner,
    private readonly config: VoiceCallsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(STUCK_CALLS_JOB, this.config.VOICE_SWEEP_EVERY_SECONDS * 1000, () => this.run());
  }

  async run(now = new Date()): Promise<{ items: number }> {
    const deadline = new Date(now.getTime() - this.config.VOICE_MAX_CALL_MINUTES * 60_000);
    let swept = 0;
    // Served by { status, createdAt }: live calls older than the longest call.
    const stuck = await this.calls
      .find({ status: trusted({ $in: LIVE_CALL_STATUSES }), createdAt: trusted({ $lte: deadline }) }, { transcription: 0, vapiData: 0 })
      .setOptions({ acrossTenants: true })
      .limit(BATCH)
      .lean<VoiceCall[]>();
    for (const call of stuck) {
      try {
        const outcome = await this.progress.end(
          call,
          'failed',
          { trigger: 'system', source: 'job', reason: `no end of call within ${this.config.VOICE_MAX_CALL_MINUTES} minutes` },
          { endedReason: 'timeout' },
        );
        if (outcome === 'moved') swept++;
      } catch (error) {
        this.logger.warn(`call ${call._id.toString()} left for the next run: ${String(error)}`);
      }
    }
    swept += await this.freeEndedSlots();
    return { items: swept };
  }

  /** Slots whose call ended (its own release failed midway) or vanished. */
  private async freeEndedSlots(): Promise<number> {
    let freed = 0;
    const slots = await this.slots.page(undefined, BATCH * 5);
    if (slots.length === 0) return 0;
    const calls = await this.calls
      .find({ _id: trusted({ $in: slots.map((slot) => slot.callId) }) }, { status: 1 })
      .setOptions({ acrossTenants: true })
      .lean<Pick<VoiceCall, '_id' | 'status'>[]>();
    const statusOf = new Map(calls.map((call) => [call._id.toString(), call.status]));
    for (const slot of slots) {
      const status = statusOf.get(slot.callId.toString());
      // A slot is taken a moment before its call is inserted: only slots older than that moment count as orphans.
      const orphan = status === undefined && slot._id.getTimestamp().getTime() < Date.now() - 60_000;
      if (orphan || (status !== undefined && isFinalCall(status))) {
        await this.slots.release(slot.tenantId, slot.callId);
        freed++;
      }
    }
    return freed;
  }
}
