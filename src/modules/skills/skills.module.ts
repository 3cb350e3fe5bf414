import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { systemContext } from '../../core/auth/request-context.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { SkillRankingJob } from './jobs/skill-ranking.job.js';
import { LearningListeners } from './listeners/learning.listeners.js';
import { SessionsListeners } from './listeners/sessions.listeners.js';
import { Skill, SkillSchema } from './schemas/skill.schema.js';
import { SkillCatalogue } from './skill-catalogue.js';
import { SkillLinks } from './skill-links.js';
import { SkillRanking } from './skill-ranking.js';
import { SkillReadsService } from './skill-reads.service.js';
import { SkillSearch } from './skill-search.js';
import { SkillStatsService } from './skill-stats.service.js';
import { SkillsConfig } from './skills.config.js';
import { SkillsController } from './skills.controller.js';
import { SKILLS_PERMISSIONS } from './skills.permissions.js';
import { SkillsRepository } from './skills.repository.js';
import { DETACH_REMOVED_EFFECT, SkillsService } from './skills.service.js';

/** Skills: the catalogue with full-text search and the prerequisite graph. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Skill.name, schema: SkillSchema }])],
  controllers: [SkillsController],
  providers: [
    configSectionProvider(SkillsConfig),
    SkillsRepository,
    SkillLinks,
    SkillsService,
    SkillReadsService,
    SkillSearch,
    SkillStatsService,
    SkillRanking,
    SkillRankingJob,
    SkillCatalogue,
    LearningListeners,
    SessionsListeners,
  ],
  exports: [SkillCatalogue],
})
export class SkillsModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    private readonly repository: SkillsRepository,
    private readonly skills: SkillsService,
  ) {}

  onModuleInit(): void {
    this.policy.register(SKILLS_PERMISSIONS);
    this.relay.handle(DETACH_REMOVED_EFFECT, async (payload, key) => {
      await this.skills.detachRemoved(systemContext(key), String(payload.removedSkillId));
    });
    // The relay's sweep retries whatever a removal owes and could not deliver at once.
    this.relay.carry(this.repository.model);
  }
}
