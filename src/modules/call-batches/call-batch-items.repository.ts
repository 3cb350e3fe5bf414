import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { anyOf } from '../../core/database/find-page.js';
import { scoped, type TenantFilter, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { OPEN_ITEM_STATES, RETRIED_OUTCOMES, type CallBatchItemOutcome } from './call-batch.lifecycle.js';
import type { CallBatchDoneDto, CallBatchProgressDto } from './dto/call-batch.dto.js';
import { CallBatchItem } from './schemas/call-batch-item.schema.js';
import type { CallBatch } from './schemas/call-batch.schema.js';

export interface NewItem {
  leadId: Types.ObjectId;
  timezone: string;
  nextAttemptAt: Date;
}

/** What a recorded call outcome did to its item. */
export type Settled = 'retry' | 'done' | 'ignored';

const CLEAR_CLAIM = { claimedBy: null, leaseUntil: null };

/**
 * The only writer of call_batch_items. Every write carries its guard in the filter (the state it moves from, the
 * claim it holds, the call not yet settled), so two drains, a drain and a webhook, or an event told twice can
 * interleave in any order and each item still moves once per fact.
 */
@Injectable()
export class CallBatchItemsRepository {
  readonly items: TenantScoped<CallBatchItem>;

  constructor(@InjectModel(CallBatchItem.name) model: Model<CallBatchItem>) {
    this.items = scoped(model);
  }

  async insert(tenantId: Types.ObjectId, batchId: Types.ObjectId, items: NewItem[]): Promise<void> {
    const now = new Date();
    const documents = items.map((item) => ({
      tenantId,
      batchId,
      leadId: item.leadId,
      timezone: item.timezone,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: item.nextAttemptAt,
      callIds: [],
      settledCallIds: [],
      createdAt: now,
      updatedAt: now,
    }));
    for (let index = 0; index < documents.length; index += 1000)
      await this.items.model.insertMany(documents.slice(index, index + 1000), { ordered: false });
  }

  /** Due items of a batch, earliest first: pending and due, or claimed by a drain whose lease ran out. */
  due(batch: Pick<CallBatch, '_id' | 'tenantId'>, now: Date, limit: number): Promise<CallBatchItem[]> {
    return this.items.model
      .find({
        tenantId: batch.tenantId,
        batchId: batch._id,
        $or: [
          { state: 'pending', nextAttemptAt: trusted({ $lte: now }) },
          { state: 'placing', leaseUntil: trusted({ $lte: now }) },
        ],
      })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(limit)
      .lean<CallBatchItem[]>()
      .exec();
  }

  /**
   * Claims one item for placing, atomically: from pending (the next attempt) or from an expired claim (the same
   * attempt again, which the placer answers with the call it already placed). Null when someone else won it.
   */
  claim(item: CallBatchItem, owner: string, now: Date, leaseMs: number): Promise<CallBatchItem | null> {
    const lease = { state: 'placing', claimedBy: owner, leaseUntil: new Date(now.getTime() + leaseMs) };
    if (item.state === 'pending')
      return this.items.findOneAndUpdate(
        { tenantId: item.tenantId, _id: item._id, state: 'pending', nextAttemptAt: trusted({ $lte: now }) },
        { $set: lease, $inc: { attempts: 1 } },
      );
    return this.items.findOneAndUpdate(
      { tenantId: item.tenantId, _id: item._id, state: 'placing', leaseUntil: trusted({ $lte: now }) },
      { $set: lease },
    );
  }

  /** Outside the lead's calling hours: waits for the next opening (an expired claim gives its attempt back). */
  async defer(item: CallBatchItem, until: Date, now: Date): Promise<boolean> {
    const filter: TenantFilter<CallBatchItem> =
      item.state === 'pending'
        ? { tenantId: item.tenantId, _id: item._id, state: 'pending', nextAttemptAt: trusted({ $lte: now }) }
        : { tenantId: item.tenantId, _id: item._id, state: 'placing', leaseUntil: trusted({ $lte: now }) };
    const result = await this.items.updateOne(filter, {
      $set: { state: 'pending', nextAttemptAt: until, ...CLEAR_CLAIM },
      ...(item.state === 'placing' ? { $inc: { attempts: -1 } } : {}),
    });
    return result.modifiedCount === 1;
  }

  /** The call is placed: in flight, unless its end was already recorded (then the listener moved it on). */
  async placed(item: CallBatchItem, owner: string, callId: Types.ObjectId): Promise<void> {
    await this.items.updateOne(
      { tenantId: item.tenantId, _id: item._id, state: 'placing', claimedBy: owner },
      { $set: { state: 'calling', ...CLEAR_CLAIM }, $addToSet: { callIds: callId } },
    );
    // Recorded even when the listener got there first (it adds the id too): the item lists every call it made.
    await this.items.updateOne({ tenantId: item.tenantId, _id: item._id }, { $addToSet: { callIds: callId } });
  }

  /** Not placed (no free slot, the batch paused): back to pending, the attempt given back, due again at once. */
  async release(item: CallBatchItem, owner: string, reason?: string): Promise<void> {
    await this.items.updateOne(
      { tenantId: item.tenantId, _id: item._id, state: 'placing', claimedBy: owner },
      { $set: { state: 'pending', ...CLEAR_CLAIM, ...(reason ? { lastError: reason.slice(0, 500) } : {}) }, $inc: { attempts: -1 } },
    );
  }

  /** Placing failed for good (the lead may not be called) or for this attempt (the provider refused). */
  async failPlacing(
    item: CallBatchItem,
    owner: string,
    outcome: CallBatchItemOutcome,
    retryAt: Date | null,
    reason: string,
  ): Promise<void> {
    await this.items.updateOne(
      { tenantId: item.tenantId, _id: item._id, state: 'placing', claimedBy: owner },
      {
        $set: {
          ...CLEAR_CLAIM,
          outcome,
          lastError: reason.slice(0, 500),
          ...(retryAt ? { state: 'pending', nextAttemptAt: retryAt } : { state: 'done' }),
        },
      },
    );
  }

  /**
   * Records a call's final status on its item, once per call: no_answer and busy go back to pending after the
   * delay while attempts remain (and the batch still runs), anything else is done.
   */
  async settle(
    tenantId: Types.ObjectId,
    batch: Pick<CallBatch, '_id' | 'retry' | 'status'>,
    leadId: Types.ObjectId,
    callId: Types.ObjectId,
    outcome: CallBatchItemOutcome,
    now: Date,
  ): Promise<Settled> {
    const item = await this.items.findOne({ tenantId, batchId: batch._id, leadId });
    if (!item || item.settledCallIds.some((id) => id.equals(callId))) return 'ignored';
    const retry =
      RETRIED_OUTCOMES.includes(outcome) &&
      item.attempts < batch.retry.maxAttempts &&
      (batch.status === 'running' || batch.status === 'paused');
    const moved = await this.items.updateOne(
      // The state is not in the guard: the end of a call may be told before the drain marked it calling.
      { tenantId, _id: item._id, state: anyOf(OPEN_ITEM_STATES), settledCallIds: trusted({ $ne: callId }) },
      {
        $set: {
          ...CLEAR_CLAIM,
          outcome,
          ...(retry ? { state: 'pending', nextAttemptAt: new Date(now.getTime() + batch.retry.delayMinutes * 60_000) } : { state: 'done' }),
        },
        $addToSet: { callIds: callId, settledCallIds: callId },
      },
    );
    if (moved.modifiedCount !== 1) return 'ignored';
    return retry ? 'retry' : 'done';
  }

  /** Cancelling a batch: what waits is done as canceled; calls being placed or in flight finish. */
  async cancelPending(tenantId: Types.ObjectId, batchId: Types.ObjectId): Promise<number> {
    const result = await this.items.updateMany(
      { tenantId, batchId, state: 'pending' },
      { $set: { state: 'done', outcome: 'canceled', ...CLEAR_CLAIM } },
    );
    return result.modifiedCount;
  }

  /** Whether any item of the batch is still open (pending, placing or calling). */
  hasOpen(tenantId: Types.ObjectId, batchId: Types.ObjectId): Promise<boolean> {
    return this.items.exists({ tenantId, batchId, state: anyOf(OPEN_ITEM_STATES) });
  }

  /**
   * The batch's progress, aggregated over its items (by the { tenantId, batchId, state, … } index) rather than
   * kept as counters on the batch: items move under several writers (two drains, the webhook listener, cancel),
   * and a count read from the items can never drift from them. A batch has at most 10,000 items.
   */
  async progress(batch: Pick<CallBatch, '_id' | 'tenantId' | 'skipped'>): Promise<CallBatchProgressDto> {
    const groups = await this.items.model
      .aggregate<{ _id: { state: string; outcome?: string }; count: number; attempts: number }>([
        { $match: { tenantId: batch.tenantId, batchId: batch._id } },
        { $group: { _id: { state: '$state', outcome: '$outcome' }, count: { $sum: 1 }, attempts: { $sum: '$attempts' } } },
      ])
      .exec();
    const skippedDoNotCall = batch.skipped?.doNotCall ?? 0;
    const skippedUnknown = batch.skipped?.unknown ?? 0;
    const done: CallBatchDoneDto = {
      completed: 0,
      failed: 0,
      no_answer: 0,
      busy: 0,
      canceled: 0,
      skipped: skippedDoNotCall + skippedUnknown,
    };
    let pending = 0;
    let inProgress = 0;
    let attempts = 0;
    let items = 0;
    for (const group of groups) {
      items += group.count;
      attempts += group.attempts;
      if (group._id.state === 'pending') pending += group.count;
      else if (group._id.state === 'done') {
        const outcome = (group._id.outcome ?? 'failed') as keyof CallBatchDoneDto;
        done[outcome] = (done[outcome] ?? 0) + group.count;
      } else inProgress += group.count;
    }
    return { total: items + skippedDoNotCall + skippedUnknown, pending, inProgress, done, attempts, skippedDoNotCall, skippedUnknown };
  }

  deleteTenant(tenantId: Types.ObjectId) {
    return this.items.deleteMany({ tenantId });
  }
}
