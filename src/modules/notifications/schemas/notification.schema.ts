import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';
import { CHANNELS, DELIVERY_STATUSES, PRIORITIES, type Channel, type DeliveryStatus, type Priority } from '../notification-types.js';

@Schema({ _id: false })
export class NotificationAction {
  @Prop({ required: true, maxlength: 60 }) label: string;
  @Prop({ required: true, maxlength: 2048 }) url: string;
}

@Schema({ _id: false })
export class NotificationAttachment {
  @Prop({ required: true, maxlength: 200 }) name: string;
  @Prop({ required: true, maxlength: 2048 }) url: string;
  @Prop({ maxlength: 100 }) contentType?: string;
}

@Schema({ _id: false })
export class ChannelDelivery {
  @Prop({ type: String, enum: DELIVERY_STATUSES, required: true }) status: DeliveryStatus;
  @Prop() at?: Date;
  @Prop({ maxlength: 500 }) reason?: string;
}

@Schema({ _id: false })
export class DeliveryByChannel {
  @Prop({ type: ChannelDelivery }) in_app?: ChannelDelivery;
  @Prop({ type: ChannelDelivery }) email?: ChannelDelivery;
  @Prop({ type: ChannelDelivery }) push?: ChannelDelivery;
  @Prop({ type: ChannelDelivery }) sms?: ChannelDelivery;
}

/**
 * One notification of one user. Its `createdAt` is the time it shows in the user's list (its
 * `scheduledFor`, set on insert), so the list and its cursor feed page in the order the user sees.
 */
@Schema({ collection: 'notifications', timestamps: true })
export class Notification {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  /** A type some context registered (NotificationTypes); checked before every insert. */
  @Prop({ type: String, required: true, maxlength: 60 }) type: string;
  @Prop({ required: true, maxlength: 200 }) title: string;
  @Prop({ required: true, maxlength: 5000 }) body: string;
  @Prop({ type: [NotificationAction], default: [] }) actions: NotificationAction[];
  @Prop({ type: [NotificationAttachment], default: [] }) attachments: NotificationAttachment[];
  @Prop({ type: String, enum: PRIORITIES, default: 'normal' }) priority: Priority;
  @Prop({ type: [String], enum: CHANNELS, default: ['in_app'] }) channels: Channel[];
  /** Per channel: what happened to it (skipped by a setting or quiet hours, sent, failed). */
  @Prop({ type: DeliveryByChannel, default: () => ({}) }) delivery: DeliveryByChannel;
  @Prop({ default: false }) read: boolean;
  @Prop() readAt?: Date;
  /** Milliseconds from delivery to reading, for engagement analytics. */
  @Prop() timeToReadMs?: number;
  /** Not shown or sent before this time. */
  @Prop({ required: true }) scheduledFor: Date;
  /** Set once the channels other than in-app have been handed off. */
  @Prop() dispatchedAt?: Date;
  /** A dispatcher holds the notification until then; one that died leaves it to the next after this. */
  @Prop() dispatchLockedUntil?: Date;
  /** Marks the notifications one dispatcher claimed (or inserted to dispatch), to read back exactly those. */
  @Prop({ maxlength: 40 }) dispatchClaim?: string;
  @Prop({ maxlength: 100 }) groupKey?: string;
  /** The email of a scheduled notification, rendered and queued when it is dispatched. */
  @Prop({ type: Object }) pendingEmail?: { template: string; variables: Record<string, unknown> };
  /** The server removes the notification at this time (TTL); read ones sooner than unread. */
  @Prop({ required: true }) expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type NotificationDocument = HydratedDocument<Notification>;
export const NotificationSchema = SchemaFactory.createForClass(Notification);

// GET /api/notifications (pages and the cursor feed), newest first, and the same per type, priority or read state.
NotificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
NotificationSchema.index({ userId: 1, read: 1, createdAt: -1 });
NotificationSchema.index({ userId: 1, type: 1, createdAt: -1 });
NotificationSchema.index({ userId: 1, priority: 1, createdAt: -1 });
// The notifications.dispatch-scheduled job: due notifications not yet handed to their channels, oldest first.
NotificationSchema.index({ dispatchedAt: 1, scheduledFor: 1 });
// NotificationsRepository.claimDue: reads back exactly the notifications one claim took (unset once dispatched).
NotificationSchema.index({ dispatchClaim: 1 }, { sparse: true });
// Expiry: the server deletes each notification at its expiresAt.
NotificationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
