import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { FavoriteFolders } from './favorite-folders.js';
import { FavoriteFoldersController } from './favorite-folders.controller.js';
import { FavoriteFoldersService } from './favorite-folders.service.js';
import { FavoriteSlots } from './favorite-slots.js';
import { FavoritesConfig } from './favorites.config.js';
import { FavoritesController } from './favorites.controller.js';
import { FAVORITES_PERMISSIONS } from './favorites.permissions.js';
import { FavoritesService } from './favorites.service.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { FavoriteTally, FavoriteTallySchema } from './schemas/favorite-tally.schema.js';
import { UserFavorite, UserFavoriteSchema } from './schemas/user-favorite.schema.js';

/** Favorites: what a user keeps, in folders, counted as they use it. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: UserFavorite.name, schema: UserFavoriteSchema },
      { name: FavoriteTally.name, schema: FavoriteTallySchema },
    ]),
  ],
  controllers: [FavoriteFoldersController, FavoritesController],
  providers: [
    configSectionProvider(FavoritesConfig),
    FavoriteSlots,
    FavoriteFolders,
    FavoritesService,
    FavoriteFoldersService,
    IdentityListeners,
  ],
  exports: [FavoritesService],
})
export class FavoritesModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(FAVORITES_PERMISSIONS);
  }
}
