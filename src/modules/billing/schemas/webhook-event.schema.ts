import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

export const WEBHOOK_OUTCOMES = ['received', 'processed', 'ignored', 'failed'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** Each provider event, stored once by its id; a redelivery finds it and has no second effect. */
@Schema({ collection: 'webhookevents', timestamps: true })
export class WebhookEvent {
  @Prop({ required: true }) eventId: string;
  @Prop({ required: true }) provider: string;
  @Prop({ required: true }) type: string;
  @Prop({ required: true }) receivedAt: Date;
  @Prop({ type: String, enum: WEBHOOK_OUTCOMES, default: 'received' }) outcome: WebhookOutcome;
  @Prop({ default: 0 }) attempts: number;
  @Prop() processedAt?: Date;
  @Prop({ maxlength: 1000 }) detail?: string;
  @Prop({ type: Object }) payload?: Record<string, unknown>;
}

export type WebhookEventDocument = HydratedDocument<WebhookEvent>;
export const WebhookEventSchema = SchemaFactory.createForClass(WebhookEvent);

// Deduplication: one row per provider event id.
WebhookEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });
// Failed events awaiting Stripe's retry, oldest first.
WebhookEventSchema.index({ outcome: 1, receivedAt: 1 });
