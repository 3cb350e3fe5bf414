import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { ITEM_OUTCOMES, ITEM_STATES, type CallBatchItemOutcome, type CallBatchItemState } from '../call-batch.lifecycle.js';

/** Calls one item may place: maxAttempts is at most 5; the bound keeps a bug from growing the array. */
export const MAX_CALLS_PER_ITEM = 10;

/**
 * One lead of a batch. pending (due at nextAttemptAt) → placing (claimed by one drain, with a lease) → calling
 * (a call in flight) → done with an outcome, or back to pending for a retry. `attempts` counts the attempt being
 * placed while placing, and the attempts placed otherwise; the call placer is idempotent per attempt, so a
 * claim retried after its lease expired places the same call, not a second one.
 */
@Schema({ collection: 'call_batch_items', timestamps: true })
export class CallBatchItem {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) batchId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) leadId: Types.ObjectId;
  /** The lead's IANA zone when the batch was made: calling hours are read in it. */
  @Prop({ required: true, maxlength: 64 }) timezone: string;
  @Prop({ type: String, enum: ITEM_STATES, default: 'pending' }) state: CallBatchItemState;
  @Prop({ default: 0, min: 0, max: MAX_CALLS_PER_ITEM }) attempts: number;
  @Prop({ required: true }) nextAttemptAt: Date;
  @Prop({ type: [SchemaTypes.ObjectId], default: [] }) callIds: Types.ObjectId[];
  /** Calls whose final status was recorded: an outcome is recorded once per call, however often it is told. */
  @Prop({ type: [SchemaTypes.ObjectId], default: [] }) settledCallIds: Types.ObjectId[];
  /** The final outcome once done; while pending again, the outcome of the last try. */
  @Prop({ type: String, enum: ITEM_OUTCOMES }) outcome?: CallBatchItemOutcome;
  @Prop({ maxlength: 100 }) claimedBy?: string;
  @Prop() leaseUntil?: Date;
  @Prop({ maxlength: 500 }) lastError?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type CallBatchItemDocument = HydratedDocument<CallBatchItem>;
export const CallBatchItemSchema = SchemaFactory.createForClass(CallBatchItem);
CallBatchItemSchema.plugin(tenantScopedPlugin);

// POST /api/tenants/:tenantId/call-batches: one item per lead of a batch; the call.completed listener finds it by lead.
CallBatchItemSchema.index({ tenantId: 1, batchId: 1, leadId: 1 }, { unique: true });
// The drain job: a batch's due items (pending by nextAttemptAt; placing by lease), the progress aggregation
// (GET /api/tenants/:tenantId/call-batches/:batchId) and GET .../:batchId/items?state=.
CallBatchItemSchema.index({ tenantId: 1, batchId: 1, state: 1, nextAttemptAt: 1 });
// GET /api/tenants/:tenantId/call-batches/:batchId/items?outcome=.
CallBatchItemSchema.index({ tenantId: 1, batchId: 1, outcome: 1 });
