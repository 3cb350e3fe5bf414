import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { DELIVERY_EVENT_TYPES, type DeliveryEventType } from '../tenant-webhooks.events.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Attempts kept per delivery, the newest: a delivery redelivered many times does not grow without end. */
export const MAX_KEPT_ATTEMPTS = 30;
/** The largest body a delivery sends; event payloads are small records, far below. */
export const MAX_BODY_CHARS = 64 * 1024;

@Schema({ _id: false })
export class DeliveryAttempt {
  @Prop({ required: true }) at: Date;
  /** The receiver's HTTP status; absent when no answer came (refused, network error, timeout). */
  @Prop() statusCode?: number;
  @Prop({ maxlength: 500 }) error?: string;
  @Prop({ required: true }) durationMs: number;
  @Prop({ maxlength: 1024 }) responseExcerpt?: string;
}
const DeliveryAttemptSchema = SchemaFactory.createForClass(DeliveryAttempt);

@Schema({ collection: 'webhook_deliveries', timestamps: true })
export class WebhookDelivery {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) endpointId: Types.ObjectId;
  /** The event occurrence (the relay's effect key, or `ping:<id>`): one delivery per endpoint and occurrence. */
  @Prop({ required: true, maxlength: 300 }) eventKey: string;
  @Prop({ type: String, enum: DELIVERY_EVENT_TYPES, required: true }) eventType: DeliveryEventType;
  /** The JSON envelope exactly as sent, so every attempt and redelivery signs and sends the same bytes. */
  @Prop({ required: true, maxlength: MAX_BODY_CHARS }) body: string;
  @Prop({ type: String, enum: DELIVERY_STATUSES, required: true, default: 'pending' }) status: DeliveryStatus;
  /** Attempts of the current round that failed (a redelivery starts a new round); drives the backoff. */
  @Prop({ default: 0 }) failedAttempts: number;
  /** Every attempt ever made, including the ones no longer kept. */
  @Prop({ default: 0 }) attemptCount: number;
  /** When a pending delivery is next due. */
  @Prop() nextAttemptAt?: Date;
  /** Held by the instance sending it until then; a crashed sender's lease expires. */
  @Prop() leaseUntil?: Date;
  @Prop() deliveredAt?: Date;
  @Prop() failedAt?: Date;
  @Prop({ type: [DeliveryAttemptSchema], default: [] }) attempts: DeliveryAttempt[];
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookDeliveryDocument = HydratedDocument<WebhookDelivery>;
export const WebhookDeliverySchema = SchemaFactory.createForClass(WebhookDelivery);
WebhookDeliverySchema.plugin(tenantScopedPlugin);

// The relay's listeners: one delivery per endpoint and event occurrence, so a redelivered event creates nothing.
WebhookDeliverySchema.index({ tenantId: 1, endpointId: 1, eventKey: 1 }, { unique: true });
// GET /api/tenants/:tenantId/webhooks/:endpointId/deliveries: newest first.
WebhookDeliverySchema.index({ tenantId: 1, endpointId: 1, createdAt: -1, _id: -1 });
// GET .../deliveries?status=: newest first within a status.
WebhookDeliverySchema.index({ tenantId: 1, endpointId: 1, status: 1, createdAt: -1 });
// The tenant-webhooks.deliver job: due pending deliveries across tenants, oldest due first.
WebhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
