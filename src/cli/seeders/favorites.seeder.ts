import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { trusted, Types, type Model } from 'mongoose';
import { insertManySkippingDuplicates } from '../../core/database/duplicate-key.js';
import { FAVORITE_TYPES, folderKeyOf } from '../../modules/favorites/favorite-fields.js';
import { FavoriteTally } from '../../modules/favorites/schemas/favorite-tally.schema.js';
import { UserFavorite } from '../../modules/favorites/schemas/user-favorite.schema.js';
import { User } from '../../modules/identity/schemas/user.schema.js';
import type { SeedProgress } from '../seed-progress.js';

const DEMO_EMAIL = 'user@atrium.test';
const USERS = 200;
const PER_USER = 6;
const FOLDERS = ['Work', 'Ideas', undefined] as const;
const DAY_MS = 86_400_000;

const seededId = (userId: Types.ObjectId, slot: number) =>
  new Types.ObjectId(createHash('sha256').update(`seed-favorite:${userId.toString()}:${slot}`).digest('hex').slice(0, 24));

/**
 * A few favorites for the demo user and the first seeded users, filed in two folders and used a little.
 * Ids derive from the user and the slot, so a rerun finds them and inserts nothing; the users' tallies are
 * then recounted so the per-user cap counts the seeded favorites too.
 */
export async function seedFavorites(app: INestApplicationContext, progress: SeedProgress): Promise<number> {
  const users = app.get<Model<User>>(getModelToken(User.name));
  const favorites = app.get<Model<UserFavorite>>(getModelToken(UserFavorite.name));
  const tallies = app.get<Model<FavoriteTally>>(getModelToken(FavoriteTally.name));
  const demo = await users.find({ email: DEMO_EMAIL }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  const others = await users
    .find({ role: 'user', email: trusted({ $ne: DEMO_EMAIL }) }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(USERS)
    .lean<{ _id: Types.ObjectId }[]>();
  const owners = [...demo, ...others].map((user) => user._id);
  const now = Date.now();
  const documents = owners.flatMap((userId, index) =>
    Array.from({ length: PER_USER }, (_, slot) => {
      // Distinct types per slot (PER_USER ≤ 7), so (user, type, item) stays unique.
      const type = FAVORITE_TYPES[(index + slot) % FAVORITE_TYPES.length];
      const folder = FOLDERS[slot % FOLDERS.length];
      const usageCount = (index * 13 + slot * 7) % 40;
      const createdAt = new Date(now - ((index + slot * 5) % 90) * DAY_MS);
      const lastUsedAt = usageCount > 0 ? new Date(createdAt.getTime() + ((slot + 1) * DAY_MS) / 2) : undefined;
      return {
        _id: seededId(userId, slot),
        userId,
        type,
        itemId: `${type}-${(index * 3 + slot) % 25}`,
        title: `Demo ${type} ${(index * 3 + slot) % 25}`,
        metadata: { source: 'seed' },
        ...(folder ? { folder, folderKey: folderKeyOf(folder) } : {}),
        usageCount,
        lastUsedAt,
        recentAt: lastUsedAt ?? createdAt,
        createdAt,
        updatedAt: lastUsedAt ?? createdAt,
      };
    }),
  );
  progress.start('favorites', documents.length);
  const added = await insertManySkippingDuplicates(favorites, documents, { timestamps: false });
  progress.advance(documents.length);
  progress.stop();
  const counts = await favorites.aggregate<{ _id: Types.ObjectId; count: number }>([
    { $match: { userId: trusted({ $in: owners }) } },
    { $group: { _id: '$userId', count: { $sum: 1 } } },
  ]);
  if (counts.length > 0)
    await tallies.bulkWrite(
      counts.map(({ _id, count }) => ({ updateOne: { filter: { _id }, update: { $set: { count } }, upsert: true } })),
      { ordered: false },
    );
  return added;
}
