import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

export const ACTIVITY_TYPES = [
  'registered',
  'login',
  'login-failed',
  'logout',
  'token-refreshed',
  'refresh-token-reuse',
  'session-revoked',
  'password-changed',
  'role-changed',
  'profile-updated',
  'account-deactivated',
  'account-reactivated',
  'account-deleted',
  'email-verified',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Security-relevant events of one user, kept for the configured retention. */
@Schema({ collection: 'useractivities', timestamps: { createdAt: true, updatedAt: true } })
export class UserActivity {
  _id: Types.ObjectId;
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, required: true, enum: ACTIVITY_TYPES }) type: ActivityType;
  /** Who caused it when it was not the user (an admin changing a role). */
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ maxlength: 512 }) userAgent?: string;
  @Prop({ type: Object }) details?: Record<string, unknown>;
  @Prop({ required: true }) expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export type UserActivityDocument = HydratedDocument<UserActivity>;
export const UserActivitySchema = SchemaFactory.createForClass(UserActivity);

// "My activity": newest first, stable by _id.
UserActivitySchema.index({ userId: 1, createdAt: -1, _id: -1 });
// Retention: the server drops events past expiresAt.
UserActivitySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
