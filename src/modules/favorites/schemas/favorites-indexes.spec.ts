import { describe, expect, it } from 'vitest';
import { UserFavoriteSchema } from './user-favorite.schema.js';

const keysOf = (schema: { indexes(): [Record<string, unknown>, Record<string, unknown>][] }) => schema.indexes().map(([keys]) => keys);

describe('favorites index declarations', () => {
  it('keeps one favorite per user, type and item', () => {
    expect(UserFavoriteSchema.indexes()).toContainEqual([{ userId: 1, type: 1, itemId: 1 }, expect.objectContaining({ unique: true })]);
  });

  it('backs both sorts and the type and folder filters of a user’s list', () => {
    expect(keysOf(UserFavoriteSchema)).toEqual(
      expect.arrayContaining([
        { userId: 1, recentAt: -1, _id: -1 },
        { userId: 1, usageCount: -1, _id: -1 },
        { userId: 1, type: 1, recentAt: -1, _id: -1 },
        { userId: 1, folderKey: 1, recentAt: -1, _id: -1 },
      ]),
    );
  });
});
