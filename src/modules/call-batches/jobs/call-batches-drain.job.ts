import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Types } from 'mongoose';
import { JobRunner } from '../../../core/jobs/job-runner.js';
import { ProblemException } from '../../../core/http/problem.js';
import { CallPlacer, CallSlotsFullProblem, MinutesExhaustedProblem } from '../../voice-calls/index.js';
import { BatchCompletion } from '../batch-completion.js';
import { CallBatchItemsRepository } from '../call-batch-items.repository.js';
import { CallBatchMoves } from '../call-batch-moves.js';
import { CallBatchesConfig } from '../call-batches.config.js';
import { nextCallingTime, withinCallingHours } from '../calling-hours.js';
import type { CallBatchItem } from '../schemas/call-batch-item.schema.js';
import type { CallBatch } from '../schemas/call-batch.schema.js';

export const CALL_BATCHES_DRAIN_JOB = 'call-batches.drain';

/** Running batches one run looks at; the rest wait for the next run. */
const MAX_BATCHES_PER_RUN = 1000;
/** Due items read at a time. */
const PAGE = 50;
/** Pages one batch is read for per run: deferring a page of leads outside their hours must not loop forever. */
const MAX_PAGES = 20;

type Placement = 'placed' | 'skipped' | 'failed' | 'slots-full' | 'paused';

/**
 * Places the calls of running batches. Per tenant it asks the call placer for the free call slots and places at
 * most that many: each due item is claimed alone with one atomic update (pending → placing, with a lease), so
 * two instances draining one batch never place one item twice; a claim whose holder died is taken again after
 * its lease, with the same attempt number, and the placer answers a repeated (batch, lead, attempt) with the call
 * it already placed. An item whose lead is outside the calling hours in its own time zone is not placed: it
 * waits for the next opening. No free slot stops the tenant for this run; a tenant out of minutes, without the
 * feature, or whose agent stopped being active, has the batch paused with the reason.
 */
@Injectable()
export class CallBatchesDrainJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(CallBatchesDrainJob.name);

  constructor(
    private readonly moves: CallBatchMoves,
    private readonly items: CallBatchItemsRepository,
    private readonly completion: BatchCompletion,
    private readonly placer: CallPlacer,
    private readonly jobs: JobRunner,
    private readonly config: CallBatchesConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every(CALL_BATCHES_DRAIN_JOB, this.config.CALL_BATCHES_DRAIN_EVERY_SECONDS * 1000, () => this.run());
  }

  /** Answers how many calls this run placed. */
  async run(now = new Date()): Promise<{ items: number }> {
    // Served by the { status, tenantId } index; oldest first within a tenant, so earlier batches go first.
    const running = await this.moves.batches
      .findAcrossTenants({ status: 'running' }, { tenantId: 1, agentId: 1, callingHours: 1, retry: 1, status: 1, skipped: 1, createdAt: 1 })
      .sort({ tenantId: 1, createdAt: 1 })
      .limit(MAX_BATCHES_PER_RUN);
    const byTenant = new Map<string, CallBatch[]>();
    for (const batch of running) byTenant.set(batch.tenantId.toString(), [...(byTenant.get(batch.tenantId.toString()) ?? []), batch]);
    let placed = 0;
    for (const [tenantId, batches] of byTenant) {
      const budget = this.config.CALL_BATCHES_MAX_PLACED_PER_RUN - placed;
      if (budget <= 0) break;
      try {
        placed += await this.drainTenant(tenantId, batches, now, budget);
      } catch (error) {
        // One tenant's failure (its entitlements unreadable) must not starve the others.
        this.logger.warn(`tenant ${tenantId} left for the next run: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { items: placed };
  }

  private async drainTenant(tenantId: string, batches: CallBatch[], now: Date, budget: number): Promise<number> {
    let slots = Math.min(await this.placer.freeSlots(tenantId), budget);
    let placed = 0;
    let full = false;
    for (const batch of batches) {
      if (!full && slots > 0) {
        const result = await this.drainBatch(batch, now, slots);
        placed += result.placed;
        slots -= result.placed;
        full = result.full;
      }
      // Whatever the slots, a batch whose last item ended (or was skipped) completes.
      await this.completion.completeIfDone(batch.tenantId, batch._id);
    }
    return placed;
  }

  private async drainBatch(batch: CallBatch, now: Date, slots: number): Promise<{ placed: number; full: boolean }> {
    let placed = 0;
    for (let page = 0; page < MAX_PAGES && placed < slots; page++) {
      const due = await this.items.due(batch, now, PAGE);
      if (!due.length) break;
      for (const item of due) {
        if (placed >= slots) break;
        if (!withinCallingHours(now, item.timezone, batch.callingHours)) {
          await this.items.defer(item, nextCallingTime(now, item.timezone, batch.callingHours), now);
          continue;
        }
        const claimed = await this.items.claim(item, this.jobs.instanceId, now, this.config.CALL_BATCHES_CLAIM_LEASE_SECONDS * 1000);
        if (!claimed) continue;
        // Paused or canceled since this run read it: nothing new is placed.
        const current = await this.moves.batches.findOne({ tenantId: batch.tenantId, _id: batch._id }, { status: 1 });
        if (current?.status !== 'running') {
          await this.items.release(claimed, this.jobs.instanceId);
          return { placed, full: false };
        }
        const outcome = await this.place(batch, claimed, now);
        if (outcome === 'placed') placed++;
        if (outcome === 'slots-full') return { placed, full: true };
        if (outcome === 'paused') return { placed, full: false };
      }
    }
    return { placed, full: false };
  }

  private async place(batch: CallBatch, item: CallBatchItem, now: Date): Promise<Placement> {
    const owner = this.jobs.instanceId;
    try {
      const call = await this.placer.place({
        tenantId: batch.tenantId.toString(),
        agentId: batch.agentId.toString(),
        leadId: item.leadId.toString(),
        batchId: batch._id.toString(),
        attempt: item.attempts,
      });
      await this.items.placed(item, owner, new Types.ObjectId(call.callId));
      return 'placed';
    } catch (error) {
      return this.refused(batch, item, error, now);
    }
  }

  private async refused(batch: CallBatch, item: CallBatchItem, error: unknown, now: Date): Promise<Placement> {
    const owner = this.jobs.instanceId;
    if (error instanceof CallSlotsFullProblem) {
      await this.items.release(item, owner);
      return 'slots-full';
    }
    if (error instanceof ProblemException) {
      const status = error.getStatus();
      if (status === 402) {
        await this.items.release(item, owner, error.message);
        await this.moves.pauseBySystem(
          batch.tenantId,
          batch._id,
          error instanceof MinutesExhaustedProblem ? 'minutes-exhausted' : error.slug,
        );
        return 'paused';
      }
      if (error.slug === 'lead-not-callable' || error.slug === 'lead-not-found') {
        await this.items.failPlacing(item, owner, 'skipped', null, error.message);
        return 'skipped';
      }
      if (error.slug === 'voice-agent-not-found' || status === 409) {
        // The agent: gone from the tenant, or no longer active. Nothing of this batch can be placed until it is.
        await this.items.release(item, owner, error.message);
        await this.moves.pauseBySystem(batch.tenantId, batch._id, status === 409 ? error.slug.slice(0, 100) : 'agent-not-found');
        return 'paused';
      }
      if (status === 429) {
        await this.items.release(item, owner, error.message);
        return 'slots-full';
      }
    }
    // Anything else (the provider failing): this attempt failed, tried again after the delay while attempts remain.
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`batch ${batch._id.toString()} lead ${item.leadId.toString()} attempt ${item.attempts} not placed: ${message}`);
    const retryAt = item.attempts < batch.retry.maxAttempts ? new Date(now.getTime() + batch.retry.delayMinutes * 60_000) : null;
    await this.items.failPlacing(item, owner, 'failed', retryAt, message);
    return 'failed';
  }
}
