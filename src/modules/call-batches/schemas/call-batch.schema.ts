import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import type { AuditEntry } from '../../../core/lifecycle/index.js';
import { CALL_BATCH_STATUSES, type CallBatchStatus } from '../call-batch.lifecycle.js';
import { WEEKDAYS, type Weekday } from '../calling-hours.js';

@Schema({ _id: false })
export class BatchCallingHours {
  @Prop({ required: true, maxlength: 5 }) start: string;
  @Prop({ required: true, maxlength: 5 }) end: string;
  @Prop({ type: [String], enum: WEEKDAYS, default: undefined }) days?: Weekday[];
}
export const BatchCallingHoursSchema = SchemaFactory.createForClass(BatchCallingHours);

@Schema({ _id: false })
export class BatchRetry {
  @Prop({ required: true, min: 1, max: 5 }) maxAttempts: number;
  @Prop({ required: true, min: 0, max: 10_080 }) delayMinutes: number;
}
export const BatchRetrySchema = SchemaFactory.createForClass(BatchRetry);

/** Leads asked for that got no item: counted, so the progress adds up to what the creator sent. */
@Schema({ _id: false })
export class BatchSkipped {
  @Prop({ default: 0, min: 0 }) doNotCall: number;
  @Prop({ default: 0, min: 0 }) unknown: number;
}
export const BatchSkippedSchema = SchemaFactory.createForClass(BatchSkipped);

@Schema({ collection: 'call_batches', timestamps: true })
export class CallBatch {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ required: true, trim: true, maxlength: 200 }) name: string;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) agentId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ type: String, enum: CALL_BATCH_STATUSES, default: 'running' }) status: CallBatchStatus;
  @Prop({ type: BatchCallingHoursSchema, required: true }) callingHours: BatchCallingHours;
  @Prop({ type: BatchRetrySchema, required: true }) retry: BatchRetry;
  /** Items made (one per callable lead). */
  @Prop({ required: true, min: 0, max: 10_000 }) itemCount: number;
  @Prop({ type: BatchSkippedSchema, default: () => ({}) }) skipped: BatchSkipped;
  /** Why the batch is paused (`minutes-exhausted`, `agent-not-active`, `paused-by-user`…); cleared on resume. */
  @Prop({ maxlength: 100 }) pauseReason?: string;
  @Prop() finishedAt?: Date;
  @Prop({ type: [Object], default: [] }) audit: AuditEntry<CallBatchStatus>[];
  createdAt: Date;
  updatedAt: Date;
}

export type CallBatchDocument = HydratedDocument<CallBatch>;
export const CallBatchSchema = SchemaFactory.createForClass(CallBatch);
CallBatchSchema.plugin(tenantScopedPlugin);

// GET /api/tenants/:tenantId/call-batches?status=: newest first, per tenant.
CallBatchSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
// GET /api/tenants/:tenantId/call-batches (no filter): newest first.
CallBatchSchema.index({ tenantId: 1, createdAt: -1 });
// The drain job (call-batches.drain): the running batches across tenants, tenant by tenant.
CallBatchSchema.index({ status: 1, tenantId: 1 });
