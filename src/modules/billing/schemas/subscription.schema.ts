import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { CHANGE_SOURCES, PROVIDERS, type ChangeSource, type ProviderName } from './transaction.schema.js';

export const SUBSCRIPTION_STATUSES = ['incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const SUBSCRIPTION_ITEMS = ['plan', 'agent'] as const;
export type SubscriptionItem = (typeof SUBSCRIPTION_ITEMS)[number];

/** One applied change: the API's creation, or a provider event (with its id and the provider's time of it). */
@Schema({ _id: false })
export class SubscriptionChange {
  @Prop({ type: String, enum: [...SUBSCRIPTION_STATUSES, null] }) from?: SubscriptionStatus | null;
  @Prop({ type: String, enum: SUBSCRIPTION_STATUSES, required: true }) to: SubscriptionStatus;
  @Prop({ required: true }) at: Date;
  @Prop({ type: String, enum: CHANGE_SOURCES, required: true }) source: ChangeSource;
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop() eventId?: string;
  @Prop() eventAt?: Date;
}

/** A plan subscription (seed 002) or an agent subscription (seed 003's agentsubscriptions: item `agent`). */
@Schema({ collection: 'subscriptions', timestamps: true })
export class Subscription {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  /** The tenant the subscription pays for (its plan becomes the tenant's); absent for a personal subscription. */
  @Prop({ type: SchemaTypes.ObjectId }) tenantId?: Types.ObjectId;
  @Prop({ type: String, enum: SUBSCRIPTION_ITEMS, required: true }) itemType: SubscriptionItem;
  /** The plan key, or the agent's id for agent subscriptions. */
  @Prop({ required: true, maxlength: 100 }) itemId: string;
  @Prop({ required: true, maxlength: 50 }) plan: string;
  @Prop({ required: true, min: 0 }) amount: number;
  @Prop({ required: true, uppercase: true }) currency: string;
  @Prop({ type: String, enum: ['month', 'year'], required: true }) interval: 'month' | 'year';
  @Prop({ type: String, enum: SUBSCRIPTION_STATUSES, default: 'incomplete' }) status: SubscriptionStatus;
  @Prop({ required: true }) currentPeriodStart: Date;
  @Prop({ required: true }) currentPeriodEnd: Date;
  @Prop({ default: false }) cancelAtPeriodEnd: boolean;
  @Prop() canceledAt?: Date;
  @Prop({ type: String, enum: PROVIDERS, required: true }) provider: ProviderName;
  @Prop() providerSubscriptionId?: string;
  @Prop() providerCustomerId?: string;
  /** The provider's time of the last event applied; older events are refused, so late deliveries never undo newer ones. */
  @Prop() providerEventAt?: Date;
  @Prop({ type: [SubscriptionChange], default: [] }) audit: SubscriptionChange[];
  /** What a change owes (subscription.changed), written with it; the relay delivers them. */
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type SubscriptionDocument = HydratedDocument<Subscription>;
export const SubscriptionSchema = SchemaFactory.createForClass(Subscription);
carryEffects(SubscriptionSchema);

// "My subscriptions", newest first.
SubscriptionSchema.index({ userId: 1, createdAt: -1 });
// GET /api/tenants/:tenantId/subscriptions: a tenant's subscriptions, newest first.
SubscriptionSchema.index({ tenantId: 1, createdAt: -1 }, { sparse: true });
// Provider webhooks find the subscription by its provider id.
SubscriptionSchema.index({ providerSubscriptionId: 1 }, { unique: true, sparse: true });
