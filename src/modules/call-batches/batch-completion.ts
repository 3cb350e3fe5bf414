import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { CallBatchItemsRepository } from './call-batch-items.repository.js';
import { CallBatchMoves } from './call-batch-moves.js';

/** A running batch with no item left pending, placing or calling is completed, once. */
@Injectable()
export class BatchCompletion {
  constructor(
    private readonly items: CallBatchItemsRepository,
    private readonly moves: CallBatchMoves,
  ) {}

  async completeIfDone(tenantId: Types.ObjectId, batchId: Types.ObjectId): Promise<boolean> {
    if (await this.items.hasOpen(tenantId, batchId)) return false;
    return this.moves.complete(tenantId, batchId);
  }
}
