import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { isDuplicateKeyOn } from '../../core/database/duplicate-key.js';
import { FavoriteTally } from './schemas/favorite-tally.schema.js';

/** The per-user cap as slots: taking one is a single guarded increment, so concurrent adds never pass the cap. */
@Injectable()
export class FavoriteSlots {
  constructor(@InjectModel(FavoriteTally.name) private readonly tallies: Model<FavoriteTally>) {}

  /** Takes a slot; false when the user already holds `max`. */
  async take(userId: Types.ObjectId, max: number): Promise<boolean> {
    const guard = { _id: userId, count: trusted({ $lt: max }) };
    try {
      // A full tally does not match, so the upsert inserts a second document with the same _id and is refused.
      await this.tallies.updateOne(guard, { $inc: { count: 1 } }, { upsert: true });
      return true;
    } catch (error) {
      if (!isDuplicateKeyOn(error, ['_id'])) throw error;
      // Either full, or another first add created the tally a moment before: one plain guarded increment tells.
      return (await this.tallies.updateOne(guard, { $inc: { count: 1 } })).modifiedCount === 1;
    }
  }

  async giveBack(userId: Types.ObjectId, count = 1): Promise<void> {
    await this.tallies.updateOne({ _id: userId, count: trusted({ $gte: count }) }, { $inc: { count: -count } });
  }

  async erase(userId: Types.ObjectId): Promise<void> {
    await this.tallies.deleteOne({ _id: userId });
  }
}
