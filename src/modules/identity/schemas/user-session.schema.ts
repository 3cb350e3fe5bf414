import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

/** One signed-in device: a refresh-token family. Rotating the token keeps the session; reuse revokes it. */
@Schema({ collection: 'usersessions', timestamps: true })
export class UserSession {
  _id: Types.ObjectId;

  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;

  /** SHA-256 of the current refresh secret (the secret has 256 bits of entropy, so a fast hash suffices). */
  @Prop({ required: true }) tokenHash: string;

  /** Hashes already rotated away; presenting one again is token theft. */
  @Prop({ type: [String], default: [] }) previousTokenHashes: string[];

  @Prop({ maxlength: 512 }) userAgent?: string;
  @Prop({ maxlength: 64 }) ip?: string;
  @Prop({ required: true }) lastSeenAt: Date;
  @Prop({ required: true }) expiresAt: Date;
  @Prop() revokedAt?: Date;
  @Prop({ type: String, enum: ['logout', 'revoked', 'reuse-detected', 'password-changed', 'role-changed', 'account-deactivated'] })
  revokedReason?: string;

  createdAt: Date;
  updatedAt: Date;
}

export type UserSessionDocument = HydratedDocument<UserSession>;
export const UserSessionSchema = SchemaFactory.createForClass(UserSession);

// "My sessions": active ones of a user, most recently seen first.
UserSessionSchema.index({ userId: 1, revokedAt: 1, lastSeenAt: -1 });
// Expired refresh families are removed by the server (TTL).
UserSessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
