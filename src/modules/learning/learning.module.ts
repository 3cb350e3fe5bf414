import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { EffectsRelay } from '../../core/events/index.js';
import { IdentityModule } from '../identity/index.js';
import { SkillsModule } from '../skills/index.js';
import { LeaderboardsService } from './leaderboards.service.js';
import { LearnerProfilesRepository } from './learner-profiles.repository.js';
import { LearningPathService } from './learning-path.service.js';
import { LearningReactionsService } from './learning-reactions.service.js';
import { LearningConfig } from './learning.config.js';
import { LearningController } from './learning.controller.js';
import { LEARNING_PERMISSIONS } from './learning.permissions.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { SessionsListeners } from './listeners/sessions.listeners.js';
import { SkillsListeners } from './listeners/skills.listeners.js';
import { MatchingController } from './matching.controller.js';
import { MatchingService } from './matching.service.js';
import { ProfilesService } from './profiles.service.js';
import { LearnerProfile, LearnerProfileSchema } from './schemas/learner-profile.schema.js';
import { SkillHolders } from './skill-holders.js';
import { SkillPathController } from './skill-path.controller.js';
import { TeacherDirectory } from './teacher-directory.js';
import { UserSkillsController } from './user-skills.controller.js';
import { VerificationsService } from './verifications.service.js';

/** Learning: users as teachers and learners, their availability, leaderboards, matching and learning paths. */
@Module({
  imports: [IdentityModule, SkillsModule, MongooseModule.forFeature([{ name: LearnerProfile.name, schema: LearnerProfileSchema }])],
  controllers: [UserSkillsController, LearningController, MatchingController, SkillPathController],
  providers: [
    configSectionProvider(LearningConfig),
    LearnerProfilesRepository,
    SkillHolders,
    ProfilesService,
    VerificationsService,
    LeaderboardsService,
    MatchingService,
    LearningPathService,
    LearningReactionsService,
    TeacherDirectory,
    SessionsListeners,
    SkillsListeners,
    IdentityListeners,
  ],
  exports: [TeacherDirectory],
})
export class LearningModule implements OnModuleInit {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly relay: EffectsRelay,
    @InjectModel(LearnerProfile.name) private readonly profiles: Model<LearnerProfile>,
  ) {}

  onModuleInit(): void {
    this.policy.register(LEARNING_PERMISSIONS);
    // The sweep retries the skill-holder events a profile change owes and could not deliver at once.
    this.relay.carry(this.profiles);
  }
}
