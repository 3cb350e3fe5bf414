import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { REFUND_REASONS, REFUND_REQUEST_STATUSES, type RefundReason, type RefundRequestStatus } from '../refund-request.lifecycle.js';
import { CHANGE_SOURCES, type ChangeSource } from './transaction.schema.js';

/** One move of a request: who reviewed it, or the refund that settled it. */
@Schema({ _id: false })
export class RefundRequestChange {
  @Prop({ type: String, enum: [...REFUND_REQUEST_STATUSES, null] }) from?: RefundRequestStatus | null;
  @Prop({ type: String, enum: REFUND_REQUEST_STATUSES, required: true }) to: RefundRequestStatus;
  @Prop({ required: true }) at: Date;
  @Prop({ type: String, enum: CHANGE_SOURCES, required: true }) source: ChangeSource;
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop({ maxlength: 500 }) reason?: string;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
}

@Schema({ collection: 'refundrequests', timestamps: true })
export class RefundRequest {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) transactionId: Types.ObjectId;
  @Prop({ required: true, min: 1 }) amount: number;
  @Prop({ required: true, uppercase: true }) currency: string;
  @Prop({ type: String, enum: REFUND_REASONS, required: true }) reason: RefundReason;
  @Prop({ maxlength: 2000 }) note?: string;
  @Prop({ type: String, enum: REFUND_REQUEST_STATUSES, default: 'requested' }) status: RefundRequestStatus;
  @Prop({ type: SchemaTypes.ObjectId }) reviewedBy?: Types.ObjectId;
  @Prop() reviewedAt?: Date;
  @Prop({ maxlength: 2000 }) reviewNote?: string;
  /** The refund transaction made when the request was processed. */
  @Prop({ type: SchemaTypes.ObjectId }) refundTransactionId?: Types.ObjectId;
  @Prop({ type: [RefundRequestChange], default: [] }) audit: RefundRequestChange[];
  createdAt: Date;
  updatedAt: Date;
}

export type RefundRequestDocument = HydratedDocument<RefundRequest>;
export const RefundRequestSchema = SchemaFactory.createForClass(RefundRequest);

// GET /api/refund-requests: mine, newest first.
RefundRequestSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// GET /api/refund-requests/queue?status=: by status, oldest first.
RefundRequestSchema.index({ status: 1, createdAt: 1, _id: 1 });
