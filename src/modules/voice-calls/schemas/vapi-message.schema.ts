import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';

export const VAPI_MESSAGE_OUTCOMES = ['received', 'processed', 'ignored', 'failed'] as const;
export type VapiMessageOutcome = (typeof VAPI_MESSAGE_OUTCOMES)[number];

/**
 * Every authenticated server message, stored once by the digest of its raw body; a redelivery of a processed one
 * is acknowledged without processing it again, a failed one is processed again. Not tenant-scoped: a message is
 * stored before (or without) knowing its call's tenant.
 */
@Schema({ collection: 'voice_vapi_messages', timestamps: true })
export class VapiMessage {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) digest: string;
  @Prop({ required: true, maxlength: 60 }) type: string;
  @Prop({ maxlength: 100 }) vapiCallId?: string;
  @Prop({ type: SchemaTypes.ObjectId }) tenantId?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) callId?: Types.ObjectId;
  @Prop({ type: String, enum: VAPI_MESSAGE_OUTCOMES, default: 'received' }) outcome: VapiMessageOutcome;
  @Prop({ maxlength: 500 }) detail?: string;
  @Prop({ default: 1 }) deliveries: number;
  /** The message as received, clipped (the raw body is bounded by the server's body limit). */
  @Prop({ type: Object }) body?: Record<string, unknown>;
  createdAt: Date;
}

export const VapiMessageSchema = SchemaFactory.createForClass(VapiMessage);

// POST /api/voice/webhooks/vapi: one message per body digest.
VapiMessageSchema.index({ digest: 1 }, { unique: true });
// tenant.closed: the tenant's messages go with its calls.
VapiMessageSchema.index({ tenantId: 1 }, { sparse: true });
