import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import { LearningReactionsService } from '../learning-reactions.service.js';

/** A skill removed from the catalogue leaves every teaching and learning list. Idempotent: a second pull finds nothing. */
@Injectable()
export class SkillsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly reactions: LearningReactionsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('skills.skill-removed', 'learning', ({ removedSkillId }, key) =>
      this.reactions.forgetSkill(systemContext(key), removedSkillId),
    );
  }
}
