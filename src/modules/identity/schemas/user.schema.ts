import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument, Types } from 'mongoose';
import { ROLES, type Role } from '../../../core/auth/roles.js';
import { carryEffects, type OwedEffect } from '../../../core/events/index.js';
import { ACCOUNT_STATUSES, type AccountStatus } from '../account-status.lifecycle.js';

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

@Schema({ _id: false })
export class UserProfile {
  @Prop({ trim: true, maxlength: 100 }) firstName?: string;
  @Prop({ trim: true, maxlength: 100 }) lastName?: string;
  @Prop({ trim: true, maxlength: 100 }) displayName?: string;
  @Prop({ maxlength: 2048 }) avatarUrl?: string;
  @Prop({ maxlength: 2000 }) bio?: string;
  /** IANA zone; dates are stored in UTC and converted with it at the edge. */
  @Prop({ default: 'UTC' }) timezone: string;
  @Prop({ default: 'en' }) locale: string;
  /** E.164, for text messages the user asked for. */
  @Prop({ maxlength: 16 }) phone?: string;
}

@Schema({ _id: false })
export class UserPreferences {
  @Prop({ type: String, enum: THEMES, default: 'system' }) theme: Theme;
  @Prop({ default: true }) productEmails: boolean;
  @Prop({ default: false }) marketingEmails: boolean;
}

@Schema({ collection: 'users', timestamps: true })
export class User {
  _id: Types.ObjectId;

  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;

  /** argon2id; never selected unless asked for. */
  @Prop({ required: true, select: false }) passwordHash: string;

  @Prop({ type: String, enum: ROLES, default: 'user' }) role: Role;

  @Prop({ type: String, enum: ACCOUNT_STATUSES, default: 'active' }) status: AccountStatus;
  /** Why an admin deactivated the account. */
  @Prop({ maxlength: 500 }) statusReason?: string;
  @Prop() statusChangedAt?: Date;
  @Prop() deletedAt?: Date;

  /** Access tokens issued before this moment no longer count (deactivation, deletion). */
  @Prop() tokensValidAfter?: Date;

  @Prop({ type: UserProfile, default: () => ({}) }) profile: UserProfile;

  @Prop({ type: UserPreferences, default: () => ({}) }) preferences: UserPreferences;

  /** The personal plan's key; set by the entitlements context as the user's own subscriptions change. */
  @Prop({ default: 'free', maxlength: 50 }) plan: string;

  /** Lower-cased email and names, so staff search is an index-backed prefix match. */
  @Prop({ type: [String], default: [] }) searchKeys: string[];

  @Prop() lastLoginAt?: Date;
  @Prop() passwordChangedAt?: Date;

  /** When the owner proved they receive mail at `email`; unset while unproven (an invite needs it). */
  @Prop() emailVerifiedAt?: Date;
  /** Verification emails asked for since `verificationResendsSince`: the hourly resend limit, shared by all instances. */
  @Prop() verificationResends?: number;
  @Prop() verificationResendsSince?: Date;

  /** What a deletion owes other contexts (erasing their personal data), until the relay has run it. */
  effects?: OwedEffect[];

  createdAt: Date;
  updatedAt: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);
carryEffects(UserSchema);

// Login and registration look users up by email; one account per address.
UserSchema.index({ email: 1 }, { unique: true });
// Staff list: filter by role, newest first, stable by _id.
UserSchema.index({ role: 1, createdAt: -1, _id: -1 });
// Notifications sent to a role page through its users by id.
UserSchema.index({ role: 1, _id: 1 });
// Staff list without a role filter, newest first.
UserSchema.index({ createdAt: -1, _id: -1 });
// Staff search: anchored prefix match on email and names.
UserSchema.index({ searchKeys: 1 });

export function searchKeysOf(email: string, profile: Partial<UserProfile> | undefined): string[] {
  const keys = [email, profile?.firstName, profile?.lastName, profile?.displayName]
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
    .map((value) => value.toLowerCase());
  return [...new Set(keys)];
}
