import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** One counter per year; `$inc` on it is atomic, so concurrent invoices get distinct, consecutive numbers. */
@Schema({ collection: 'invoicecounters' })
export class InvoiceCounter {
  @Prop({ required: true }) year: number;
  @Prop({ required: true, default: 0 }) last: number;
}

export type InvoiceCounterDocument = HydratedDocument<InvoiceCounter>;
export const InvoiceCounterSchema = SchemaFactory.createForClass(InvoiceCounter);

// The upsert of a year's counter matches on this key.
InvoiceCounterSchema.index({ year: 1 }, { unique: true });
