import { Module } from '@nestjs/common';

/** Favorites: what a user keeps, in folders, counted as they use it. */
@Module({})
export class FavoritesModule {}
