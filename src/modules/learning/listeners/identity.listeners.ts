import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { LearningReactionsService } from '../learning-reactions.service.js';

/** A deleted account takes its learner profile with it. Idempotent, so the relay may run it again. */
@Injectable()
export class IdentityListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly reactions: LearningReactionsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('user.deleted', 'learning', ({ userId }, key) => this.reactions.eraseUser(systemContext(key), userId));
  }
}
