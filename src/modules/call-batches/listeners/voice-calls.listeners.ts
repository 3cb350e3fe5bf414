import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import type { CallCompletedEvent } from '../../voice-calls/index.js';
import { BatchCompletion } from '../batch-completion.js';
import { CallBatchItemsRepository } from '../call-batch-items.repository.js';
import { CallBatchMoves } from '../call-batch-moves.js';

/**
 * A batch call reached its final status: its outcome goes on the item, once per call (the item keeps the calls
 * it settled, so an event told twice, or after a crash, changes nothing). No answer or busy is tried again after
 * the batch's delay while attempts remain; anything else is done. The batch completes when nothing is left open.
 */
@Injectable()
export class CallBatchesVoiceCallsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly moves: CallBatchMoves,
    private readonly items: CallBatchItemsRepository,
    private readonly completion: BatchCompletion,
  ) {}

  onModuleInit(): void {
    this.relay.on('call.completed', 'call-batches', (event) => this.callCompleted(event));
  }

  async callCompleted(event: CallCompletedEvent, now = new Date()): Promise<void> {
    const { batchId, leadId, callId } = event;
    if (!batchId || !leadId || ![batchId, leadId, callId, event.tenantId].every((id) => Types.ObjectId.isValid(id))) return;
    const tenantId = new Types.ObjectId(event.tenantId);
    const batch = await this.moves.batches.findOne({ tenantId, _id: new Types.ObjectId(batchId) }, { retry: 1, status: 1 });
    if (!batch) return;
    await this.items.settle(tenantId, batch, new Types.ObjectId(leadId), new Types.ObjectId(callId), event.callStatus, now);
    // Asked even for an event already recorded: a crash after recording and before completing completes now.
    await this.completion.completeIfDone(tenantId, batch._id);
  }
}
