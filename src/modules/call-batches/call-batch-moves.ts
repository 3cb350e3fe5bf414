import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { scoped, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { IllegalTransitionProblem } from '../../core/http/problem.js';
import { auditEntry, type TransitionOrigin } from '../../core/lifecycle/index.js';
import { callBatchLifecycle, type CallBatchStatus } from './call-batch.lifecycle.js';
import { batchNotFound } from './call-batches-problems.js';
import { CallBatch } from './schemas/call-batch.schema.js';

const MAX_ATTEMPTS = 5;

export interface BatchMove {
  to: CallBatchStatus;
  origin: TransitionOrigin;
  set?: Record<string, unknown>;
  unset?: string[];
  /** Refuse (409) unless the batch is in this status: the caller's checks belong to the state it saw. */
  expectedFrom?: CallBatchStatus;
}

/**
 * The one way a batch's status changes: the lifecycle's table, a compare-and-set on the status it was read in and
 * the audit entry in the same update. It is the core `transition` with the tenant in every filter: call_batches is
 * tenant-scoped, and its guard refuses the by-id reads `transition` makes. Moving to the current status is a no-op.
 */
@Injectable()
export class CallBatchMoves {
  readonly batches: TenantScoped<CallBatch>;

  constructor(@InjectModel(CallBatch.name) model: Model<CallBatch>) {
    this.batches = scoped(model);
  }

  async move(tenantId: Types.ObjectId, batchId: Types.ObjectId, move: BatchMove): Promise<{ moved: boolean; batch: CallBatch }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.batches.findOne({ tenantId, _id: batchId });
      if (!current) throw batchNotFound();
      if (move.expectedFrom !== undefined && current.status !== move.expectedFrom)
        throw new IllegalTransitionProblem(callBatchLifecycle.resource, current.status, move.to);
      if (move.expectedFrom === undefined && current.status === move.to) return { moved: false, batch: current };
      callBatchLifecycle.assertMove(current.status, move.to, move.origin.trigger);
      const now = new Date();
      const moved = await this.batches.findOneAndUpdate(
        { tenantId, _id: batchId, status: current.status },
        {
          $set: { status: move.to, ...move.set },
          ...(move.unset?.length ? { $unset: Object.fromEntries(move.unset.map((field) => [field, 1])) } : {}),
          $push: { audit: auditEntry(current.status, move.to, move.origin, now) },
        },
      );
      if (moved) return { moved: true, batch: moved };
      if (move.expectedFrom !== undefined) break;
    }
    throw new IllegalTransitionProblem(callBatchLifecycle.resource, 'a concurrently changed state', move.to);
  }

  /** The system pausing a running batch it cannot go on with (minutes used up, agent not active); false when it was not running. */
  async pauseBySystem(tenantId: Types.ObjectId, batchId: Types.ObjectId, reason: string): Promise<boolean> {
    try {
      const result = await this.move(tenantId, batchId, {
        to: 'paused',
        origin: { trigger: 'system', source: 'job', reason },
        set: { pauseReason: reason },
        expectedFrom: 'running',
      });
      return result.moved;
    } catch (error) {
      if (error instanceof IllegalTransitionProblem) return false;
      throw error;
    }
  }

  /** Completes a running batch; exactly one caller wins, whoever else asks at once (or later) gets false. */
  async complete(tenantId: Types.ObjectId, batchId: Types.ObjectId): Promise<boolean> {
    try {
      const result = await this.move(tenantId, batchId, {
        to: 'completed',
        origin: { trigger: 'system', source: 'job', reason: 'every item is done' },
        set: { finishedAt: new Date() },
        expectedFrom: 'running',
      });
      return result.moved;
    } catch (error) {
      if (error instanceof IllegalTransitionProblem) return false;
      throw error;
    }
  }
}
