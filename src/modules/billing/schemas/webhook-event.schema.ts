import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

export const WEBHOOK_OUTCOMES = ['received', 'processing', 'processed', 'ignored', 'failed'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];
/** Outcomes after which a redelivery is only acknowledged. */
export const FINISHED_OUTCOMES: readonly WebhookOutcome[] = ['processed', 'ignored'];

/**
 * Each provider event, stored once by its id. One delivery at a time holds it (`processing` under a
 * lease) and processes it; a redelivery of a finished event has no second effect.
 */
@Schema({ collection: 'webhookevents', timestamps: true })
export class WebhookEvent {
  @Prop({ required: true }) eventId: string;
  @Prop({ required: true }) provider: string;
  @Prop({ required: true }) type: string;
  @Prop({ required: true }) receivedAt: Date;
  /** The provider's time of the event (Stripe `created`). */
  @Prop() eventCreatedAt?: Date;
  @Prop({ type: String, enum: WEBHOOK_OUTCOMES, default: 'received' }) outcome: WebhookOutcome;
  /** Processing attempts: one per claim. */
  @Prop({ default: 0 }) attempts: number;
  /** While `processing`: until when the holder owns it; past it, a redelivery may take over. */
  @Prop() leaseUntil?: Date;
  /** The holder's token; only the holder may finish or release the event. */
  @Prop() claimId?: string;
  @Prop() processedAt?: Date;
  @Prop({ maxlength: 1000 }) detail?: string;
  @Prop({ type: Object }) payload?: Record<string, unknown>;
}

export type WebhookEventDocument = HydratedDocument<WebhookEvent>;
export const WebhookEventSchema = SchemaFactory.createForClass(WebhookEvent);

// Deduplication and the claim: one row per provider event id, found by it.
WebhookEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });
// The holder finishes or releases its event by its claim alone: a random id, so one row at most, and a
// stale holder's token matches nothing once a redelivery has claimed the event anew.
WebhookEventSchema.index({ claimId: 1 }, { unique: true, sparse: true });
// Failed events awaiting Stripe's retry, oldest first.
WebhookEventSchema.index({ outcome: 1, receivedAt: 1 });
