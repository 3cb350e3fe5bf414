import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { FavoritesService } from '../favorites.service.js';

/** A deleted account takes its favorites with it. Idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly favorites: FavoritesService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'favorites', ({ userId }, key) => this.favorites.eraseUser(systemContext(key), userId));
  }
}
