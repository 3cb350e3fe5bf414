import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * Failed sign-ins per email, shared by every instance. Kept for unknown emails too,
 * so a lockout does not reveal whether an account exists.
 */
@Schema({ collection: 'loginthrottles', timestamps: true })
export class LoginThrottle {
  @Prop({ required: true }) key: string;
  @Prop({ required: true, default: 0 }) failures: number;
  @Prop() lockedUntil?: Date;
  @Prop({ required: true }) expiresAt: Date;
}

export type LoginThrottleDocument = HydratedDocument<LoginThrottle>;
export const LoginThrottleSchema = SchemaFactory.createForClass(LoginThrottle);

// One counter per email, found on every sign-in.
LoginThrottleSchema.index({ key: 1 }, { unique: true });
// Counters vanish once their window has passed.
LoginThrottleSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
