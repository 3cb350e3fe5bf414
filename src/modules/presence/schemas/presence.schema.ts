import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type HydratedDocument, type Types } from 'mongoose';

/** The last heartbeat of a user; the server removes it (TTL) once it is too old to matter. */
@Schema({ collection: 'presences', timestamps: true })
export class Presence {
  @Prop({ type: SchemaTypes.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: ['online', 'away'], default: 'online' }) status: 'online' | 'away';
  @Prop({ required: true }) lastSeenAt: Date;
  @Prop({ required: true }) expiresAt: Date;
}

export type PresenceDocument = HydratedDocument<Presence>;
export const PresenceSchema = SchemaFactory.createForClass(Presence);

// One row per user, upserted by every heartbeat.
PresenceSchema.index({ userId: 1 }, { unique: true });
// Stale presence disappears by itself.
PresenceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
