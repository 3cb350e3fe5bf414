import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { PersonalizationConfig } from './personalization.config.js';
import { PersonalizationController } from './personalization.controller.js';
import { PERSONALIZATION_PERMISSIONS } from './personalization.permissions.js';
import { PersonalizationService } from './personalization.service.js';
import { PersonalizationStore } from './personalization-store.js';
import { SavedPromptsController } from './saved-prompts.controller.js';
import { SavedPromptsService } from './saved-prompts.service.js';
import { AgentPersonalization, AgentPersonalizationSchema } from './schemas/agent-personalization.schema.js';
import { UserPersonalizationController } from './user-personalization.controller.js';

/** Agent personalization: per user and agent display, behaviour, instructions and saved prompts. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AgentPersonalization.name, schema: AgentPersonalizationSchema }])],
  controllers: [PersonalizationController, SavedPromptsController, UserPersonalizationController],
  providers: [
    configSectionProvider(PersonalizationConfig),
    PersonalizationStore,
    PersonalizationService,
    SavedPromptsService,
    IdentityListeners,
  ],
  exports: [PersonalizationService],
})
export class PersonalizationModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(PERSONALIZATION_PERMISSIONS);
  }
}
