import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CreateFavoriteDto } from '../../../src/modules/favorites/dto/favorite-input.dto.js';
import type { FavoriteDto } from '../../../src/modules/favorites/dto/favorite.dto.js';
import { FavoritesService } from '../../../src/modules/favorites/favorites.service.js';
import { UserFavorite } from '../../../src/modules/favorites/schemas/user-favorite.schema.js';
import { contextOf } from './identity.js';

export const favoriteModel = (app: INestApplicationContext) => app.get<Model<UserFavorite>>(getModelToken(UserFavorite.name));

let sequence = 0;

export const favoriteInput = (overrides: Partial<CreateFavoriteDto> = {}): CreateFavoriteDto => ({
  type: 'agent',
  itemId: `agent-${++sequence}`,
  title: `Agent ${sequence}`,
  metadata: { category: 'chat' },
  ...overrides,
});

/** A favorite `user` added through the service, as the API would. */
export async function addFavorite(
  app: INestApplicationContext,
  user: { id: string },
  overrides: Partial<CreateFavoriteDto> = {},
): Promise<FavoriteDto> {
  return (await app.get(FavoritesService).add(contextOf(user), favoriteInput(overrides))).favorite;
}

/** Marks a favorite used `times` times, through the service. */
export async function useFavorite(app: INestApplicationContext, user: { id: string }, favoriteId: string, times = 1): Promise<void> {
  for (let use = 0; use < times; use++) await app.get(FavoritesService).use(contextOf(user), favoriteId);
}
