import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

@Schema({ _id: false })
export class QuietHours {
  @Prop({ default: false }) enabled: boolean;
  /** Local times "HH:MM" in the user's time zone; the window may cross midnight. */
  @Prop({ default: '22:00', match: /^([01]\d|2[0-3]):[0-5]\d$/ }) start: string;
  @Prop({ default: '07:00', match: /^([01]\d|2[0-3]):[0-5]\d$/ }) end: string;
}

/** A user's choices per notification type and channel; missing entries fall back to the defaults. */
@Schema({ collection: 'notificationsettings', timestamps: true })
export class NotificationSettings {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  /** type → channel → on/off. */
  @Prop({ type: Object, default: {} }) channels: Record<string, Record<string, boolean>>;
  @Prop({ type: QuietHours, default: () => ({}) }) quietHours: QuietHours;
  createdAt: Date;
  updatedAt: Date;
}

export type NotificationSettingsDocument = HydratedDocument<NotificationSettings>;
export const NotificationSettingsSchema = SchemaFactory.createForClass(NotificationSettings);

// One settings document per user, read on every notification.
NotificationSettingsSchema.index({ userId: 1 }, { unique: true });
