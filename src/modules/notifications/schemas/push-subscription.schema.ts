import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

@Schema({ _id: false })
export class PushKeys {
  @Prop({ required: true, maxlength: 200 }) p256dh: string;
  @Prop({ required: true, maxlength: 100 }) auth: string;
}

/** A browser's Web Push subscription (endpoint + keys), as the Push API hands it over. */
@Schema({ collection: 'pushsubscriptions', timestamps: true })
export class PushSubscription {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true, maxlength: 2048 }) endpoint: string;
  @Prop({ type: PushKeys, required: true }) keys: PushKeys;
  @Prop({ maxlength: 512 }) userAgent?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type PushSubscriptionDocument = HydratedDocument<PushSubscription>;
export const PushSubscriptionSchema = SchemaFactory.createForClass(PushSubscription);

// An endpoint belongs to one browser, so to one subscription.
PushSubscriptionSchema.index({ endpoint: 1 }, { unique: true });
// A user's devices, for sending.
PushSubscriptionSchema.index({ userId: 1 });
