import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** A remembered answer to a POST that moves money, replayed when the same key comes again. */
@Schema({ collection: 'idempotencykeys', timestamps: true })
export class IdempotencyKey {
  /** `<caller>:<method> <route>:<key>`: keys are scoped to the caller and the route. */
  @Prop({ required: true }) scope: string;
  @Prop({ required: true }) bodyHash: string;
  @Prop({ type: String, enum: ['in-progress', 'completed'], required: true }) state: 'in-progress' | 'completed';
  @Prop() statusCode?: number;
  @Prop({ type: Object }) responseBody?: unknown;
  @Prop({ required: true }) expiresAt: Date;
}

export type IdempotencyKeyDocument = HydratedDocument<IdempotencyKey>;
export const IdempotencyKeySchema = SchemaFactory.createForClass(IdempotencyKey);

// One record per caller, route and key; a concurrent second request fails on this index.
IdempotencyKeySchema.index({ scope: 1 }, { unique: true });
// Keys are remembered for a day, like Stripe's.
IdempotencyKeySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
