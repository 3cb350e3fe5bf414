import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * Sign-in counters shared by every instance: failures per (account, client address) pair, failures per
 * account from all addresses, and the addresses that signed in to an account (exempt from its lock).
 * Kept for unknown emails too, so a lock does not reveal whether an account exists. Emails and
 * addresses are stored only as SHA-256 digests.
 */
@Schema({ collection: 'loginthrottles', timestamps: true })
export class LoginThrottle {
  /** `pair:`, `account:` or `known:` followed by the digest. */
  @Prop({ required: true }) key: string;
  /** Digest of the email, so an account's counters can be erased together. */
  @Prop({ required: true }) account: string;
  @Prop({ required: true, default: 0 }) failures: number;
  @Prop() lockedUntil?: Date;
  @Prop({ required: true }) expiresAt: Date;
}

export type LoginThrottleDocument = HydratedDocument<LoginThrottle>;
export const LoginThrottleSchema = SchemaFactory.createForClass(LoginThrottle);

// Every sign-in reads its pair, account and known-address rows by key.
LoginThrottleSchema.index({ key: 1 }, { unique: true });
// Deleting an account erases its rows.
LoginThrottleSchema.index({ account: 1 });
// Rows vanish once their window has passed (queries also check expiresAt, for servers without TTL).
LoginThrottleSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
