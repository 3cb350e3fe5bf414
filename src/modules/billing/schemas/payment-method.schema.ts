import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { BillingDetails, PROVIDERS, type ProviderName } from './transaction.schema.js';

export const METHOD_TYPES = ['card', 'sepa_debit', 'us_bank_account', 'paypal', 'link'] as const;
export type MethodType = (typeof METHOD_TYPES)[number];

/** A stored way to pay: only the provider's reference and display facts, never a card number or CVC. */
@Schema({ collection: 'paymentmethods', timestamps: true })
export class PaymentMethod {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: PROVIDERS, required: true }) provider: ProviderName;
  @Prop({ required: true, maxlength: 255 }) providerMethodId: string;
  @Prop({ type: String, enum: METHOD_TYPES, required: true }) type: MethodType;
  @Prop({ maxlength: 30 }) brand?: string;
  @Prop({ match: /^\d{4}$/ }) last4?: string;
  @Prop({ min: 1, max: 12 }) expMonth?: number;
  @Prop({ min: 2000, max: 2100 }) expYear?: number;
  @Prop({ type: BillingDetails }) billingAddress?: BillingDetails;
  @Prop({ default: false }) isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type PaymentMethodDocument = HydratedDocument<PaymentMethod>;
export const PaymentMethodSchema = SchemaFactory.createForClass(PaymentMethod);

// "My payment methods", default first.
PaymentMethodSchema.index({ userId: 1, isDefault: -1, createdAt: -1 });
// A provider method is stored once per user.
PaymentMethodSchema.index({ userId: 1, providerMethodId: 1 }, { unique: true });
