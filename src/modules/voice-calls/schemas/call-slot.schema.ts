import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';

/**
 * One of a tenant's concurrent-call slots, held by one call. The unique (tenantId, index) makes taking a slot an
 * insert that at most one caller wins, across instances; the slot goes when its call ends.
 */
@Schema({ collection: 'voice_call_slots', timestamps: { createdAt: true, updatedAt: false } })
export class CallSlot {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, min: 0 }) index: number;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) callId: Types.ObjectId;
  createdAt: Date;
}

export const CallSlotSchema = SchemaFactory.createForClass(CallSlot);
CallSlotSchema.plugin(tenantScopedPlugin);

// CallSlots.take: slot i of a tenant is held once.
CallSlotSchema.index({ tenantId: 1, index: 1 }, { unique: true });
// CallSlots.release: the call's slot, when it ends.
CallSlotSchema.index({ callId: 1 });
// Stuck-call sweeper: slots by age.
CallSlotSchema.index({ createdAt: 1 });
