import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { REFUND_REASONS, REFUND_REQUEST_STATUSES, type RefundReason, type RefundRequestStatus } from '../refund-request-lifecycle.js';

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
  createdAt: Date;
  updatedAt: Date;
}

export type RefundRequestDocument = HydratedDocument<RefundRequest>;
export const RefundRequestSchema = SchemaFactory.createForClass(RefundRequest);

// "My refund requests", newest first.
RefundRequestSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// The staff queue: by status, oldest first.
RefundRequestSchema.index({ status: 1, createdAt: 1, _id: 1 });
