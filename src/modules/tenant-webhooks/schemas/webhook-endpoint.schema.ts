import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types, type HydratedDocument } from 'mongoose';
import { tenantScopedPlugin } from '../../../core/database/tenant-scoped.js';
import { MAX_URL_LENGTH } from '../../../core/net/index.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../tenant-webhooks.events.js';

export const MAX_DESCRIPTION_CHARS = 500;

@Schema({ collection: 'webhook_endpoints', timestamps: true })
export class WebhookEndpoint {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) tenantId: Types.ObjectId;
  /** Passed the outbound-URL policy when registered; checked again before every attempt. */
  @Prop({ required: true, maxlength: MAX_URL_LENGTH }) url: string;
  @Prop({ type: [String], enum: WEBHOOK_EVENT_TYPES, required: true }) events: WebhookEventType[];
  @Prop({ maxlength: MAX_DESCRIPTION_CHARS }) description?: string;
  @Prop({ required: true, default: true }) enabled: boolean;
  /**
   * The signing secret, stored as issued (the project has no helper for secrets at rest yet): the server
   * needs it in clear to sign. Never selected unless asked for, never answered after creation or rotation.
   */
  @Prop({ required: true, maxlength: 100, select: false }) secret: string;
  /** The secret before the last rotation, still signing until `previousSecretUntil`. */
  @Prop({ maxlength: 100, select: false }) previousSecret?: string;
  @Prop() previousSecretUntil?: Date;
  /** The secret's last four characters, so a tenant can tell which one a receiver holds. */
  @Prop({ required: true, maxlength: 4 }) secretHint: string;
  /** Deliveries that failed for good in a row; a success resets it. */
  @Prop({ default: 0 }) consecutiveFailures: number;
  /** Why the server disabled the endpoint (`failing`), absent when its managers did. */
  @Prop({ maxlength: 40 }) disabledReason?: string;
  @Prop({ type: SchemaTypes.ObjectId }) createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export type WebhookEndpointDocument = HydratedDocument<WebhookEndpoint>;
export const WebhookEndpointSchema = SchemaFactory.createForClass(WebhookEndpoint);
WebhookEndpointSchema.plugin(tenantScopedPlugin);

// GET /api/tenants/:tenantId/webhooks (newest first), the per-tenant endpoint count on create, and the event
// listeners' "enabled endpoints of this tenant subscribed to this type" (few per tenant: the count is bounded).
WebhookEndpointSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
