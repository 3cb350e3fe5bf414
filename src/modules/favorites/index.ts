/** The public surface of favorites: the module, its services' types and the events it publishes. */
export { FavoritesModule } from './favorites.module.js';
