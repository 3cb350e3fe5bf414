import { Injectable, type OnModuleInit } from '@nestjs/common';
import { systemContext } from '../../../core/auth/request-context.js';
import { EffectsRelay } from '../../../core/events/index.js';
import type { SkillStandingEvent } from '../../sessions/index.js';
import { SkillStatsService } from '../skill-stats.service.js';

/** Sessions rate a skill from its completed sessions; the catalogue keeps the newest rating. Idempotent for the relay. */
@Injectable()
export class SessionsListeners implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly stats: SkillStatsService,
  ) {}

  onModuleInit(): void {
    this.relay.on('sessions.skill-standing', 'skills', async (event: SkillStandingEvent, key) => {
      await this.stats.recordStanding(
        systemContext(key),
        event.ratedSkillId,
        event.skillRating,
        event.skillRatingCount,
        event.completedSessions,
        event.skillStandingAt,
      );
    });
  }
}
