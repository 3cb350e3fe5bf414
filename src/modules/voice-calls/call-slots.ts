import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { isDuplicateKey } from '../../core/database/duplicate-key.js';
import { scoped, tenantIdOf, type TenantScoped } from '../../core/database/tenant-scoped.js';
import { CallSlot } from './schemas/call-slot.schema.js';

/**
 * A tenant's concurrent-call slots, exact under concurrency and across instances: slot i is a document unique on
 * (tenantId, i), so taking one is an insert that one caller wins; with a limit of n only indexes 0..n-1 exist, so
 * at most n calls hold one. Releasing deletes by call id, which is idempotent.
 */
@Injectable()
export class CallSlots {
  readonly slots: TenantScoped<CallSlot>;

  constructor(@InjectModel(CallSlot.name) readonly model: Model<CallSlot>) {
    this.slots = scoped(model);
  }

  /** The index of the slot taken for the call, or null when all `limit` slots are held. */
  async take(tenantId: string, callId: Types.ObjectId, limit: number): Promise<number | null> {
    const tenant = tenantIdOf(tenantId);
    for (let round = 0; round < 2; round++) {
      const held = new Set((await this.slots.find({ tenantId: tenant }, { index: 1 })).map((slot) => slot.index));
      const free = Array.from({ length: limit }, (_, index) => index).filter((index) => !held.has(index));
      if (free.length === 0) return null;
      for (const index of free) {
        try {
          await this.model.create({ tenantId: tenant, index, callId });
          return index;
        } catch (error) {
          // Another call took this index in the meantime: try the next one.
          if (!isDuplicateKey(error)) throw error;
        }
      }
    }
    return null;
  }

  async release(tenantId: string | Types.ObjectId, callId: Types.ObjectId): Promise<void> {
    await this.slots.deleteMany({ tenantId: tenantIdOf(tenantId), callId });
  }

  async held(tenantId: string): Promise<number> {
    return this.slots.count({ tenantId: tenantIdOf(tenantId) });
  }

  /** Slots taken before `before`, across tenants (the sweeper checks their calls). */
  olderThan(before: Date, limit: number) {
    return this.model
      .find({ createdAt: trusted({ $lte: before }) }, { tenantId: 1, callId: 1 })
      .setOptions({ acrossTenants: true })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<Pick<CallSlot, '_id' | 'tenantId' | 'callId'>[]>();
  }

  /** Every slot, across tenants, in pages (the sweeper frees those of ended calls). */
  page(after: Types.ObjectId | undefined, limit: number) {
    return this.model
      .find(after ? { _id: trusted({ $gt: after }) } : {}, { tenantId: 1, callId: 1 })
      .setOptions({ acrossTenants: true })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<CallSlot, '_id' | 'tenantId' | 'callId'>[]>();
  }
}
