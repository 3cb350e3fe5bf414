import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Types } from 'mongoose';
import { EffectsRelay } from '../../../core/events/index.js';
import { CallBatchItemsRepository } from '../call-batch-items.repository.js';
import { CallBatchMoves } from '../call-batch-moves.js';

/** A closed tenant's batches and their items are deleted; deleting twice deletes nothing more. */
@Injectable()
export class CallBatchesTenancyListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly moves: CallBatchMoves,
    private readonly items: CallBatchItemsRepository,
  ) {}

  onModuleInit(): void {
    this.relay.on('tenant.closed', 'call-batches', async ({ tenantId }) => {
      if (!Types.ObjectId.isValid(tenantId)) return;
      const id = new Types.ObjectId(tenantId);
      // Batches first: the drain reads running batches, so none of the tenant's items is placed meanwhile.
      await this.moves.batches.deleteMany({ tenantId: id });
      await this.items.deleteTenant(id);
    });
  }
}
