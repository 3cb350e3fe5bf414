import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

@Schema({ _id: false })
export class InvoiceLine {
  @Prop({ required: true, maxlength: 300 }) description: string;
  @Prop({ required: true, min: 1 }) quantity: number;
  @Prop({ required: true, min: 0 }) unitAmount: number;
  @Prop({ required: true, min: 0 }) amount: number;
}

@Schema({ collection: 'invoices', timestamps: true })
export class Invoice {
  _id: Types.ObjectId;
  /** `INV-<year>-<6 digits>`, sequential per year. */
  @Prop({ required: true }) number: string;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: INVOICE_STATUSES, default: 'draft' }) status: InvoiceStatus;
  @Prop({ required: true, uppercase: true }) currency: string;
  @Prop({ type: [InvoiceLine], default: [] }) lines: InvoiceLine[];
  /** Totals are computed on the server from the lines, never taken from a client. */
  @Prop({ required: true, min: 0 }) subtotal: number;
  @Prop({ required: true, min: 0 }) taxRateBps: number;
  @Prop({ required: true, min: 0 }) tax: number;
  @Prop({ required: true, min: 0 }) total: number;
  @Prop({ type: [SchemaTypes.ObjectId], default: [] }) transactionIds: Types.ObjectId[];
  /** The payment this invoice was issued for; one invoice per payment, even when its event arrives twice. */
  @Prop({ type: SchemaTypes.ObjectId }) sourceTransactionId?: Types.ObjectId;
  @Prop() issuedAt?: Date;
  @Prop() paidAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type InvoiceDocument = HydratedDocument<Invoice>;
export const InvoiceSchema = SchemaFactory.createForClass(Invoice);

// Invoice numbers are unique; the counter never hands one out twice.
InvoiceSchema.index({ number: 1 }, { unique: true });
// "My invoices", newest first.
InvoiceSchema.index({ userId: 1, createdAt: -1, _id: -1 });
// The invoice of a payment (GET /api/payments/:id/invoice), and at most one per payment.
InvoiceSchema.index({ sourceTransactionId: 1 }, { unique: true, sparse: true });
