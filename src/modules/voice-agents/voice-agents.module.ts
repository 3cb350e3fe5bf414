import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { LeadsModule } from '../leads/index.js';
import { AgentDirectory, PhoneResolver } from './agent-directory.js';
import { VoiceAgentsTenancyListeners } from './listeners/tenancy.listeners.js';
import { PhoneNumbersController } from './phone-numbers.controller.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { PhoneNumber, PhoneNumberSchema } from './schemas/phone-number.schema.js';
import { VoiceAgent, VoiceAgentSchema } from './schemas/voice-agent.schema.js';
import { Voice, VoiceSchema } from './schemas/voice.schema.js';
import { VoiceAgentsConfig } from './voice-agents.config.js';
import { VoiceAgentsController } from './voice-agents.controller.js';
import { VOICE_AGENTS_PERMISSIONS } from './voice-agents.permissions.js';
import { VoiceAgentsRecords } from './voice-agents.records.js';
import { VoiceAgentsService } from './voice-agents.service.js';
import { TenantVoicesController, VoiceCatalogueController } from './voices.controller.js';
import { VoicesService } from './voices.service.js';

/** Voices (a shared catalogue and tenants' own), phone numbers and the voice agents that call with them. */
@Module({
  imports: [
    LeadsModule,
    MongooseModule.forFeature([
      { name: Voice.name, schema: VoiceSchema },
      { name: PhoneNumber.name, schema: PhoneNumberSchema },
      { name: VoiceAgent.name, schema: VoiceAgentSchema },
    ]),
  ],
  controllers: [VoiceCatalogueController, TenantVoicesController, PhoneNumbersController, VoiceAgentsController],
  providers: [
    configSectionProvider(VoiceAgentsConfig),
    VoiceAgentsRecords,
    VoicesService,
    PhoneNumbersService,
    VoiceAgentsService,
    AgentDirectory,
    PhoneResolver,
    VoiceAgentsTenancyListeners,
  ],
  exports: [AgentDirectory, PhoneResolver],
})
export class VoiceAgentsModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(VOICE_AGENTS_PERMISSIONS);
  }
}
