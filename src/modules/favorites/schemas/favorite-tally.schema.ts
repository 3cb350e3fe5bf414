import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * How many favorites a user keeps, so the per-user cap holds under concurrent adds: a slot is taken
 * with one guarded increment before the favorite is written, and given back when it is removed.
 */
@Schema({ collection: 'userfavoritetallies', versionKey: false })
export class FavoriteTally {
  /** The user's id. */
  _id: Types.ObjectId;
  @Prop({ default: 0, min: 0 }) count: number;
}

export const FavoriteTallySchema = SchemaFactory.createForClass(FavoriteTally);
