import { IntSetting } from '../../core/config/config-section.js';

/** The favorites' slice of the environment. */
export class FavoritesConfig {
  /** Favorites one user may keep; adding one more is refused (409) until one is removed. */
  @IntSetting({ min: 1, max: 100_000 }) FAVORITES_MAX_PER_USER = 5000;
}
