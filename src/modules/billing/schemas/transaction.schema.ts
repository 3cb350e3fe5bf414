import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../payment.lifecycle.js';

export const TRANSACTION_TYPES = ['purchase', 'subscription', 'refund'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];
export const PROVIDERS = ['stripe', 'mock'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
export const CHANGE_SOURCES = ['api', 'webhook', 'staff'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

@Schema({ _id: false })
export class StatusChange {
  @Prop({ type: String, enum: [...PAYMENT_STATUSES, null] }) from?: PaymentStatus | null;
  @Prop({ type: String, enum: PAYMENT_STATUSES, required: true }) to: PaymentStatus;
  @Prop({ required: true }) at: Date;
  @Prop({ type: String, enum: CHANGE_SOURCES, required: true }) source: ChangeSource;
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop() eventId?: string;
  @Prop({ maxlength: 500 }) reason?: string;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
}

@Schema({ _id: false })
export class BillingDetails {
  @Prop({ maxlength: 200 }) name?: string;
  @Prop({ maxlength: 254 }) email?: string;
  @Prop({ maxlength: 200 }) line1?: string;
  @Prop({ maxlength: 200 }) line2?: string;
  @Prop({ maxlength: 100 }) city?: string;
  @Prop({ maxlength: 20 }) postalCode?: string;
  @Prop({ maxlength: 2 }) country?: string;
}

/** Every movement of money: purchases, subscription charges and refunds (seed 003's transactions, seed 004's payments). */
@Schema({ collection: 'transactions', timestamps: true })
export class Transaction {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: TRANSACTION_TYPES, required: true }) type: TransactionType;
  /** Integer, in the currency's minor unit. */
  @Prop({ required: true, min: 1 }) amount: number;
  /** ISO 4217, upper case. */
  @Prop({ required: true, uppercase: true, minlength: 3, maxlength: 3 }) currency: string;
  @Prop({ type: String, enum: PAYMENT_STATUSES, default: 'pending' }) status: PaymentStatus;
  @Prop({ default: 0, min: 0 }) refundedAmount: number;
  @Prop({ type: String, enum: PROVIDERS, required: true }) provider: ProviderName;
  /** The provider's payment intent (Stripe `pi_…`); unique when present. */
  @Prop() stripePaymentIntentId?: string;
  @Prop() providerRefundId?: string;
  /** For a subscription charge the provider made: its invoice (Stripe `in_…`); one charge per invoice. */
  @Prop() providerInvoiceId?: string;
  /** For a refund: the payment it gives money back from. */
  @Prop({ type: SchemaTypes.ObjectId }) refundOf?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) subscriptionId?: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId }) paymentMethodId?: Types.ObjectId;
  /** The learning session this payment pays for, when the payer named one. */
  @Prop({ type: SchemaTypes.ObjectId }) sessionId?: Types.ObjectId;
  @Prop({ maxlength: 500 }) description?: string;
  @Prop({ type: Object }) metadata?: Record<string, string>;
  @Prop({ type: BillingDetails }) billingDetails?: BillingDetails;
  @Prop({ maxlength: 500 }) failureReason?: string;
  @Prop({ type: [StatusChange], default: [] }) audit: StatusChange[];
  /** What a change owes (the invoice, events), written with it; the relay delivers them. */
  effects?: OwedEffect[];
  createdAt: Date;
  updatedAt: Date;
}

export type TransactionDocument = HydratedDocument<Transaction>;
export const TransactionSchema = SchemaFactory.createForClass(Transaction);
carryEffects(TransactionSchema);

// Webhooks find the transaction of a payment intent; one transaction per intent. Sparse, not partial:
// the test stand-in ignores partialFilterExpression, and sparse means the same here.
TransactionSchema.index({ stripePaymentIntentId: 1 }, { unique: true, sparse: true });
// invoice.paid records one charge per provider invoice, however often the event is delivered.
TransactionSchema.index({ providerInvoiceId: 1 }, { unique: true, sparse: true });
// A payer's history, newest first, optionally by status or type (GET /api/payments, /billing/transactions/user/:id).
TransactionSchema.index({ userId: 1, createdAt: -1, _id: -1 });
TransactionSchema.index({ userId: 1, status: 1, createdAt: -1 });
TransactionSchema.index({ userId: 1, type: 1, createdAt: -1 });
// Staff statistics by status over time.
TransactionSchema.index({ status: 1, createdAt: -1 });
// The refunds of a payment.
TransactionSchema.index({ refundOf: 1 }, { sparse: true });
// Payments of a learning session.
TransactionSchema.index({ sessionId: 1 }, { sparse: true });
