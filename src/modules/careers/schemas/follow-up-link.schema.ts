import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types, type HydratedDocument } from 'mongoose';

/** A mailed follow-up link: only the token's SHA-256 is kept, scoped to one address, until it expires. */
@Schema({ collection: 'careerfollowuplinks', timestamps: { createdAt: true, updatedAt: false } })
export class FollowUpLink {
  _id: Types.ObjectId;
  @Prop({ required: true, maxlength: 64 }) tokenHash: string;
  @Prop({ required: true, lowercase: true, trim: true, maxlength: 254 }) email: string;
  @Prop({ required: true }) expiresAt: Date;
  createdAt: Date;
}

export type FollowUpLinkDocument = HydratedDocument<FollowUpLink>;
export const FollowUpLinkSchema = SchemaFactory.createForClass(FollowUpLink);

// Every route taking ?token=: the one link with this hash.
FollowUpLinkSchema.index({ tokenHash: 1 }, { unique: true });
// POST /api/careers/applications/follow-up-link: links mailed to an address in the last hour.
FollowUpLinkSchema.index({ email: 1, createdAt: -1 });
// Expired links are dropped by MongoDB itself.
FollowUpLinkSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
