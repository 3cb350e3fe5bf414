import { iso } from '../../core/http/serialize.js';
import type { FavoriteDto } from './dto/favorite.dto.js';
import type { UserFavorite } from './schemas/user-favorite.schema.js';

export const toFavoriteDto = (favorite: UserFavorite): FavoriteDto => ({
  id: favorite._id.toString(),
  userId: favorite.userId.toString(),
  type: favorite.type,
  itemId: favorite.itemId,
  title: favorite.title,
  metadata: favorite.metadata ?? {},
  folder: favorite.folder,
  notes: favorite.notes,
  usageCount: favorite.usageCount,
  lastUsedAt: iso(favorite.lastUsedAt),
  createdAt: iso(favorite.createdAt)!,
  updatedAt: iso(favorite.updatedAt)!,
});
