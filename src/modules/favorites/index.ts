/** The public surface of favorites: the module and its service's type. */
export { FavoritesModule } from './favorites.module.js';
export type { FavoritesService } from './favorites.service.js';
