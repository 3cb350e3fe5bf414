import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { PersonalizationService } from '../personalization.service.js';

/** A deleted account takes its agent settings and saved prompts with it. Idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly personalization: PersonalizationService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'personalization', ({ userId }, key) => this.personalization.eraseUser(systemContext(key), userId));
  }
}
