import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { SkillHoldersEvent } from '../../learning/index.js';
import { SkillStatsService } from '../skill-stats.service.js';

/** Learning counts who teaches and learns a skill; the catalogue keeps the newest count. Idempotent for the relay. */
@Injectable()
export class LearningListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly stats: SkillStatsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('learning.skill-holders', 'skills', async (event: SkillHoldersEvent, key) => {
      await this.stats.recordHolders(systemContext(key), event.heldSkillId, event.teacherCount, event.learnerCount, event.holdersCountedAt);
    });
  }
}
