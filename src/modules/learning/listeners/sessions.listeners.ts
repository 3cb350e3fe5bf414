import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { LearningReactionsService } from '../learning-reactions.service.js';

/** A teacher's standing from their sessions feeds the leaderboards and matching; only a newer one is kept. */
@Injectable()
export class SessionsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly reactions: LearningReactionsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('sessions.teacher-standing', 'learning', async (event, key) => {
      await this.reactions.recordStanding(systemContext(key), event);
    });
  }
}
